import type { ExtensionScope } from '../e2e/shared/flows/scope';

// The extension's job database read (or seeded) from a context of the
// extension's origin (Chromium's service worker, a Firefox extension page),
// the way a new background finds it: past any page and past the store's memory.
// Both suites and the benchmarks read it through these helpers.

export interface StoredJob {
  id: string;
  state: string;
  kind: string;
  accountId: string;
  createdAt: number;
  url?: string;
  file?: { name: string };
  fileCode?: string;
  sentAt?: number;
  updatedAt: number;
  error?: { code: string; message: string };
  /** A mirror's member: the mirror's id and its place in it. */
  group?: { id: string; index: number };
}

// Opening a database that does not exist yet would create it empty and
// spoil the extension's own upgrade: every helper first checks it is there.

export function storedJobsIn(scope: ExtensionScope): Promise<StoredJob[]> {
  return readJobsStore(scope, undefined) as Promise<StoredJob[]>;
}

/** Job states by count, read without copying every record out of the extension. */
export function stateCounts(scope: ExtensionScope, only?: string[]): Promise<Record<string, number>> {
  const states = only ?? ['queued', 'sending', 'uploading', 'encoding', 'ready', 'failed', 'interrupted'];
  return readJobsStore(scope, states) as Promise<Record<string, number>>;
}

/** Every job record, or with `states` how many jobs are in each of them; none when the store is not there yet. */
function readJobsStore(scope: ExtensionScope, states: string[] | undefined): Promise<unknown> {
  // No named functions inside: tsx wraps those in a helper the worker does not have.
  return scope.evaluate(
    async (states) =>
      !(await indexedDB.databases()).some((d) => d.name === 'vidrelay-jobs')
        ? states
          ? {}
          : []
        : new Promise((resolve, reject) => {
            const open = indexedDB.open('vidrelay-jobs');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('jobs')) {
                db.close();
                resolve(states ? {} : []);
                return;
              }
              const store = db.transaction('jobs').objectStore('jobs');
              if (!states) {
                const request = store.getAll();
                request.onsuccess = () => {
                  db.close();
                  resolve(request.result);
                };
                request.onerror = () => reject(request.error);
                return;
              }
              const index = store.index('stateCreated');
              const counts: Record<string, number> = {};
              let left = states.length;
              for (const state of states) {
                const request = index.count(IDBKeyRange.bound([state], [state, []]));
                request.onsuccess = () => {
                  counts[state] = request.result;
                  if (--left === 0) {
                    db.close();
                    resolve(counts);
                  }
                };
                request.onerror = () => reject(request.error);
              }
            };
          }),
    states,
  );
}

/**
 * Put `count` finished remote jobs straight into the job database, as if
 * sent over the months before (benchmarks and e2e: far faster than sending).
 */
export function seedHistory(scope: ExtensionScope, count: number, accountIds: string[], base = Date.UTC(2026, 0, 1)): Promise<void> {
  // No named functions inside: tsx wraps those in a helper the worker does not have.
  return scope.evaluate(
    async ({ count, accountIds, base }) => {
      for (let i = 0; i < 100 && !(await indexedDB.databases()).some((d) => d.name === 'vidrelay-jobs'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('vidrelay-jobs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => resolve(open.result);
      });
      const words = ['holiday', 'concert', 'lecture', 'match', 'trailer', 'recipe', 'review', 'travel'];
      for (let at = 0; at < count; ) {
        // Written past the extension's writer: its kept counts go (they are counted again when next asked for).
        const tx = db.transaction(['jobs', 'meta'], 'readwrite');
        tx.objectStore('meta').delete('rowCounts');
        const jobs = tx.objectStore('jobs');
        for (const end = Math.min(count, at + 10_000); at < end; at++) {
          const word = words[at % words.length];
          const code = `h${at.toString(36).padStart(8, '0')}`;
          jobs.put({
            v: 2,
            id: `seed-${String(at).padStart(7, '0')}`,
            kind: 'remote',
            accountId: accountIds[at % accountIds.length],
            state: at % 20 === 0 ? 'failed' : 'ready',
            url: `https://videos.example/${word}/${word}-${at}.mp4`,
            title: `${word} ${at}`,
            options: {},
            createdAt: base + at * 60_000,
            updatedAt: base + at * 60_000 + 5_000,
            attempts: 1,
            ...(at % 20 === 0
              ? { error: { code: 'server', message: 'The host had trouble; retry later.' } }
              : { fileCode: code, links: { watch: `https://host.example/${code}` } }),
          });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { count, accountIds, base },
  );
}
