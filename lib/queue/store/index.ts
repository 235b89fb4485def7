import type { MigrationReport } from './migrate-local';
import { storageError } from './types';
import { createMemory } from './memory';
import { createQueries } from './queries';
import { createWriter } from './writer';
import type { JobStore, JobStoreOptions } from './types';

export type { CorruptJob, JobStore, JobStoreOptions } from './types';

// Jobs, one IndexedDB record each (lib/queue/store/db.ts), put together from what
// the store holds in memory (memory.ts: the active jobs, pending
// changes, unreadable records), the group-commit writer (writer.ts)
// and the queries over the history (queries.ts). An entry that cannot
// be read is left where it is, reported, and never overwritten. The
// background is the only writer.

export function createJobStore(options: JobStoreOptions = {}): JobStore {
  const now = options.now ?? Date.now;
  const memory = createMemory(options, now);
  const writer = createWriter(memory, options, now);
  const queries = createQueries(memory);

  return {
    ...queries,
    get: (id) => memory.serial(() => memory.current(id)),
    put: writer.put,
    update: writer.update,
    remove: (id) => writer.removeIds([id]),
    removeMany: (ids) => writer.removeIds(ids),
    active: () =>
      memory.serial(async () => {
        await memory.open();
        return memory.active();
      }),
    watch: (cb) => {
      writer.watchers.add(cb);
      return () => writer.watchers.delete(cb);
    },
    getMeta: async <T>(key: string) => (await (await memory.database()).get('meta', key))?.value as T | undefined,
    setMeta: async (key, value) => {
      try {
        await (await memory.database()).put('meta', { key, value });
      } catch (error) {
        throw storageError(error);
      }
    },
    flush: writer.flush,
    stats: () => ({ ...writer.stats }),
    ready: async (): Promise<MigrationReport | undefined> => (await memory.open()).report,
  };
}
