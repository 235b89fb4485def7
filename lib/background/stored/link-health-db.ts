import { openDB, type IDBPDatabase } from 'idb';
import { readVersioned, type RawItem, type ReadOptions } from '../../storage/versioned-item';
import type { z } from '../../zod';

// Link health's results (up to 50,000 of them, megabytes as one record) are
// kept in IndexedDB, not in storage.local: storage.local holds what pages
// need at once (accounts, settings, the copy of the newest jobs), and a
// browser start makes the first read of storage.local wait until all it
// holds is loaded, so megabytes there made the popup's first open after a
// browser start several hundred milliseconds slower.
//
// The record is the same { version, data } as before, read and written
// through the same versioned item. One that storage.local still holds from
// an older build is moved over the first time it is needed: a readable one
// is written to IndexedDB and then removed from storage.local; one that
// cannot be read is left where it is, untouched, and is what this item
// reads (so it is reported, never written over, and removable) until the
// user exports or removes it. Where both exist (an older build ran again
// after this one), the two are merged: the later result of each file wins.

export const healthDbName = 'vidrelay-health';
/** The database layout: one object store of records by name. */
const healthDbVersion = 1;
const recordKey = 'linkHealth';

type HealthDatabase = IDBPDatabase<{ records: { key: string; value: unknown } }>;

function openHealthDb(name: string): Promise<HealthDatabase> {
  return openDB(name, healthDbVersion, {
    upgrade(db) {
      db.createObjectStore('records');
    },
  });
}

export interface MovedItemOptions<S extends z.ZodType> extends ReadOptions<S> {
  /** The record as an older build kept it in storage.local. */
  legacy: RawItem;
  /** Both records read (an older build ran again after this one): what they hold together. */
  merge(kept: z.output<S>, older: z.output<S>): z.output<S>;
  dbName?: string;
}

export function healthRecordStore<S extends z.ZodType>(options: MovedItemOptions<S>): RawItem {
  // Opened for each access and closed after it: link health is read a few times a day, and a
  // connection kept open would have to follow a newer build's layout change.
  const withDb = async <T>(fn: (db: HealthDatabase) => Promise<T>): Promise<T> => {
    const db = await openHealthDb(options.dbName ?? healthDbName);
    try {
      return await fn(db);
    } finally {
      db.close();
    }
  };
  const listeners = new Set<(value: unknown) => void>();
  const stored = () => withDb(async (db) => (await db.get('records', recordKey)) ?? null);

  /** The older build's record, when it is still in storage.local: moved if it reads, else returned as it is. */
  const legacyLeft = async (): Promise<{ unreadable: unknown } | undefined> => {
    const old = await options.legacy.getValue();
    if (old == null) return undefined;
    const before = readVersioned(old, options);
    if (!before.ok) return { unreadable: old };
    const moved = await withDb(async (db) => {
      const tx = db.transaction('records', 'readwrite');
      const kept = await tx.store.get(recordKey);
      if (kept == null) await tx.store.put(old, recordKey);
      else {
        // An older build ran again after this one: both records are kept as one. One this build cannot read stays, and so does the older one.
        const now = readVersioned(kept, options);
        if (!now.ok) return false;
        await tx.store.put({ version: options.version, data: options.merge(now.value, before.value) }, recordKey);
      }
      await tx.done;
      return true;
    });
    if (moved) await options.legacy.removeValue();
    return undefined;
  };

  return {
    getValue: async () => {
      const left = await legacyLeft();
      return left ? left.unreadable : stored();
    },
    setValue: async (value) => {
      await withDb((db) => db.put('records', value, recordKey));
      for (const cb of listeners) cb(value);
    },
    removeValue: async () => {
      if (await legacyLeft()) await options.legacy.removeValue();
      else await withDb((db) => db.delete('records', recordKey));
      for (const cb of listeners) cb(null);
    },
    // Changes made through this item (the background is the only one that writes it).
    watch: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
