import type { Worker } from 'playwright-core';

// The extension's job database read (or seeded) from its service worker,
// the way a new worker finds it: past any page and past the store's memory.

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
}

export function storedJobsIn(worker: Worker): Promise<StoredJob[]> {
  return worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('vidrelay-jobs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('jobs')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('jobs').objectStore('jobs').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as never);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  ) as Promise<StoredJob[]>;
}

/** Job states by count, read without copying every record out of the worker. */
export function stateCounts(worker: Worker): Promise<Record<string, number>> {
  return worker.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('vidrelay-jobs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('jobs')) {
            db.close();
            resolve({});
            return;
          }
          const index = db.transaction('jobs').objectStore('jobs').index('stateCreated');
          const states = ['queued', 'sending', 'uploading', 'encoding', 'ready', 'failed', 'interrupted'];
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
  );
}
