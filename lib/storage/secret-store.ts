import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { AppError } from '../errors';
import type { StoredProblem } from './versioned-record';

// The accounts' API keys and logins, in the extension's own IndexedDB: its
// pages and the background reach it, a content script never does (IndexedDB
// in a content script is the web page's origin's). storage.local is kept from
// content scripts only where the browser lets the extension say so (Chrome's
// setAccessLevel); Firefox hands it to every script the extension injects.
// Records are raw here, by the ref an account entry names; what a record
// holds and how it is read is the account store's (account-secrets.ts).

export const secretsDbName = 'vidrelay-secrets';
/** The database layout: one object store of records by ref. */
const secretsDbVersion = 1;

interface SecretsDb extends DBSchema {
  secrets: { key: string; value: unknown };
}
type SecretsDatabase = IDBPDatabase<SecretsDb>;

/** The records of some refs (a ref with no record is left out), or why none could be read. */
type SecretsRead = { records: Map<string, unknown> } | { problem: StoredProblem };

export interface SecretStore {
  read(refs: readonly string[]): Promise<SecretsRead>;
  /** Every record, by ref. */
  all(): Promise<SecretsRead>;
  /** Writes the records, then reads them back: resolves only once every one is stored as given. */
  write(records: ReadonlyMap<string, unknown>): Promise<void>;
  remove(refs: readonly string[]): Promise<void>;
}

const storeFailed = (cause: unknown) =>
  new AppError('storage', 'The browser could not open the store of API keys (IndexedDB). Nothing was changed; try again, or restart the browser.', { cause });

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The layout a newer build left, when the database is newer than this build reads. */
async function newerLayout(name: string): Promise<number | undefined> {
  const databases = await indexedDB.databases?.().catch(() => undefined);
  const found = databases?.find((d) => d.name === name)?.version;
  return found !== undefined && found > secretsDbVersion ? found : undefined;
}

export function createSecretStore(name = secretsDbName): SecretStore {
  // One connection while the background lives; tests swap in a fresh IndexedDB per test, so it is per factory.
  let open: { factory: IDBFactory; db: Promise<SecretsDatabase> } | undefined;
  const database = (): Promise<SecretsDatabase> => {
    if (open?.factory === globalThis.indexedDB) return open.db;
    const factory = globalThis.indexedDB;
    const db = openDB<SecretsDb>(name, secretsDbVersion, {
      upgrade(created) {
        created.createObjectStore('secrets');
      },
      // A newer build changing the layout waits for no one: this connection goes, the next access opens again.
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        if (open?.factory === factory) open = undefined;
      },
      terminated() {
        if (open?.factory === factory) open = undefined;
      },
    });
    open = { factory, db };
    db.catch(() => {
      if (open?.db === db) open = undefined;
    });
    return db;
  };

  /** Runs fn on the database; a layout newer than this build's is a problem to report, any other failure an error. */
  const reading = async (fn: (db: SecretsDatabase) => Promise<Map<string, unknown>>): Promise<SecretsRead> => {
    let db: SecretsDatabase;
    try {
      db = await database();
    } catch (error) {
      const newer = (error as { name?: unknown })?.name === 'VersionError' ? await newerLayout(name) : undefined;
      if (newer !== undefined) return { problem: { code: 'newer_version', version: newer, known: secretsDbVersion } };
      throw storeFailed(error);
    }
    try {
      return { records: await fn(db) };
    } catch (error) {
      throw storeFailed(error);
    }
  };
  const writable = async (): Promise<SecretsDatabase> => {
    try {
      return await database();
    } catch (error) {
      throw storeFailed(error);
    }
  };

  const read = (refs: readonly string[]) =>
    reading(async (db) => {
      const tx = db.transaction('secrets');
      const values = await Promise.all(refs.map((ref) => tx.store.get(ref)));
      await tx.done;
      return new Map(refs.flatMap((ref, i) => (values[i] === undefined ? [] : [[ref, values[i]] as const])));
    });

  return {
    read,
    all: () =>
      reading(async (db) => {
        const tx = db.transaction('secrets');
        const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
        await tx.done;
        return new Map(keys.map((key, i) => [key, values[i]]));
      }),
    async write(records) {
      if (!records.size) return;
      const db = await writable();
      try {
        const tx = db.transaction('secrets', 'readwrite');
        await Promise.all([...records].map(([ref, value]) => tx.store.put(value, ref)));
        await tx.done;
      } catch (error) {
        throw storeFailed(error);
      }
      const back = await read([...records.keys()]);
      if ('problem' in back || [...records].some(([ref, value]) => !sameValue(back.records.get(ref), value))) {
        throw storeFailed(new Error('A key read back from IndexedDB differs from the key written.'));
      }
    },
    async remove(refs) {
      if (!refs.length) return;
      const db = await writable();
      try {
        const tx = db.transaction('secrets', 'readwrite');
        await Promise.all(refs.map((ref) => tx.store.delete(ref)));
        await tx.done;
      } catch (error) {
        throw storeFailed(error);
      }
    },
  };
}
