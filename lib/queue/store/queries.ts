import { unwrap, wrap } from 'idb';
import type { Job } from '../model/job';
import type { StoreMemory } from './memory';
import type { JobStore } from './types';

// Reading jobs past the active ones: finished jobs are read from the
// database when asked for, through its indexes, never held in memory.
// Pending changes (not yet committed) always win over what a read finds.

const pageSize = 500;

/** An index's records a page at a time, newest first, where the browser has it (Chromium 141 and later). */
type ManyRecords = IDBIndex & {
  getAllRecords?(options: {
    query: IDBKeyRange | null;
    count: number;
    direction: IDBCursorDirection;
  }): IDBRequest<{ key: IDBValidKey; value: { id: string } }[]>;
};

type Queries = Pick<JobStore, 'getMany' | 'all' | 'recent' | 'each' | 'count' | 'codesTaken' | 'members' | 'corrupted'>;

export function createQueries(memory: StoreMemory): Queries {
  const { changes, stored, known } = memory;

  /**
   * Walk an index newest first in pages of short transactions: a long walk
   * never holds the database while the queue wants to write.
   */
  async function walk(
    fn: (job: Job) => boolean | undefined,
    prefix?: { index: 'stateCreated' | 'accountCreated' | 'kindCreated' | 'memberCreated'; value: string },
    size = pageSize,
  ): Promise<void> {
    const db = await memory.database();
    let upper: IDBValidKey | undefined;
    /** One record of the walk, in either path: true when `fn` asked to stop. */
    const stops = (key: IDBValidKey, value: { id: string }) => {
      upper = key;
      const job = memory.overlay(value);
      return !!job && fn(job) === false;
    };
    for (;;) {
      const tx = db.transaction('jobs', 'readonly');
      const index = tx.store.index(prefix?.index ?? 'created');
      const range = prefix
        ? IDBKeyRange.bound([prefix.value], upper ?? [prefix.value, []], false, upper !== undefined)
        : upper !== undefined
          ? IDBKeyRange.upperBound(upper, true)
          : undefined;
      const many = unwrap(index) as ManyRecords;
      if (typeof many.getAllRecords === 'function') {
        // One request per page (Chromium): a cursor would cost a round trip to the database per record.
        const records = await wrap(many.getAllRecords({ query: range ?? null, count: size, direction: 'prev' }));
        for (const record of records) if (stops(record.key, record.value)) return;
        if (records.length < size) return;
        continue;
      }
      let cursor = await index.openCursor(range, 'prev');
      let seen = 0;
      while (cursor && seen < size) {
        seen += 1;
        if (stops(cursor.key, cursor.value)) return;
        cursor = await cursor.continue();
      }
      if (!cursor) return;
    }
  }

  return {
    getMany: (ids) =>
      memory.serial(async () => {
        await memory.open();
        // What memory holds is taken now: a change committed while the others are read leaves
        // memory (a job that ends is dropped from it), and its job must not go missing from the answer.
        const found = new Map<string, Job | undefined>();
        for (const id of ids) {
          if (changes.has(id)) found.set(id, changes.get(id) ?? undefined);
          else if (stored.has(id)) found.set(id, stored.get(id));
        }
        // Those not in memory are read together in one transaction, not one after another.
        const missing = ids.filter((id) => !found.has(id));
        if (missing.length) {
          const tx = (await memory.database()).transaction('jobs', 'readonly');
          const records = await Promise.all(missing.map((id) => tx.store.get(id)));
          // A change made meanwhile is newer than what the database answered.
          for (const [i, id] of missing.entries()) {
            found.set(id, changes.has(id) ? (changes.get(id) ?? undefined) : records[i] ? memory.accept(records[i]) : undefined);
          }
        }
        const out: Job[] = [];
        for (const id of ids) {
          const job = found.get(id);
          if (job) out.push(job);
        }
        return out;
      }),
    all: async () => {
      const out: Job[] = [];
      await walk((job) => void out.push(job));
      // Pending changes not yet in the database (new jobs) come along too.
      const ids = new Set(out.map((job) => job.id));
      for (const job of changes.values()) if (job && !ids.has(job.id)) out.push(job);
      return out;
    },
    recent: async (limit, where) => {
      const out: Job[] = [];
      const fresh = [...changes.values()].filter((job): job is Job => !!job && !known.has(job.id));
      // Pages about the size asked for: the popup's ten newest never read hundreds of records.
      await walk(
        (job) => {
          if (!where || where(job)) out.push(job);
          return out.length < limit + fresh.length;
        },
        undefined,
        Math.min(pageSize, 2 * limit + 10),
      );
      for (const job of fresh) if (!out.some((o) => o.id === job.id) && (!where || where(job))) out.push(job);
      return out.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id)).slice(0, limit);
    },
    each: (fn, { state, accountId, kind, members } = {}) =>
      walk(
        fn,
        state
          ? { index: 'stateCreated', value: state }
          : accountId
            ? { index: 'accountCreated', value: accountId }
            : kind
              ? { index: members ? 'memberCreated' : 'kindCreated', value: kind }
              : undefined,
      ),
    count: async () => (await memory.database()).count('jobs'),
    codesTaken: async (accountId, codes, exceptId) => {
      const db = await memory.database();
      const taken = new Set<string>();
      const tx = db.transaction('jobs', 'readonly');
      const index = tx.store.index('accountCode');
      await Promise.all(
        codes.map(async (code) => {
          for (const key of await index.getAllKeys(IDBKeyRange.only([accountId, code]))) if (key !== exceptId) taken.add(code);
        }),
      );
      for (const job of changes.values())
        if (job && job.id !== exceptId && job.accountId === accountId && job.fileCode && codes.includes(job.fileCode)) taken.add(job.fileCode);
      return taken;
    },
    members: async (groupIds) => {
      if (!groupIds.length) return [];
      const db = await memory.database();
      const tx = db.transaction('jobs', 'readonly');
      const index = tx.store.index('group');
      const found = new Map<string, Job>();
      for (const records of await Promise.all(groupIds.map((id) => index.getAll(id)))) {
        for (const record of records) {
          const job = memory.overlay(record);
          if (job) found.set(job.id, job);
        }
      }
      // New members not yet committed are found in memory.
      const wanted = new Set(groupIds);
      for (const job of changes.values()) if (job?.group && wanted.has(job.group.id)) found.set(job.id, job);
      return [...found.values()];
    },
    corrupted: async () => {
      const db = await memory.database();
      const out = memory.corruptList();
      for (const entry of await db.getAll('unreadable')) out.push({ id: entry.id, problem: `${entry.problem} (kept from ${entry.source})` });
      return out;
    },
  };
}
