import type { Page, Worker } from 'playwright-core';
import type { ExtensionScope } from '../e2e/shared/flows/scope';
import type { HostSim } from '../host-sim';

// Stored accounts as the extension keeps them (lib/storage/account-store.ts):
// entries in storage.local (`accountEntries`), their keys and logins in the
// extension's IndexedDB (`vidrelay-secrets`, lib/storage/secret-store.ts).
// Read from the service worker or an extension page (either browser) for
// checks after the fact, and as a seed for a fresh profile.

export interface StoredAccount {
  id: string;
  label: string;
  [field: string]: unknown;
}

/** Every entry as stored, readable or not, by its entry key, in the stored order. */
export async function storedAccountEntries(ctx: Page | Worker | ExtensionScope): Promise<Record<string, unknown>> {
  const stored = await (ctx as Worker).evaluate(async () => {
    const raw = (await chrome.storage.local.get('accountEntries')) as { accountEntries?: { entries?: Record<string, unknown>; order?: string[] } };
    return raw.accountEntries ?? {};
  });
  const entries = stored.entries ?? {};
  const order = [...(stored.order ?? []), ...Object.keys(entries).filter((k) => !stored.order?.includes(k))];
  return Object.fromEntries(order.filter((k) => k in entries).map((k) => [k, entries[k]]));
}

/** Every secret record the key store holds, by ref, as stored (none when the database was never created). */
export async function storedSecrets(ctx: Page | Worker | ExtensionScope): Promise<Record<string, unknown>> {
  return (ctx as Worker).evaluate(async () => {
    const name = 'vidrelay-secrets';
    // Opening a database that is not there would create it without its layout: look first.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return {};
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('secrets')) return {};
      const store = db.transaction('secrets').objectStore('secrets');
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      return Object.fromEntries(keys.map((key, i) => [String(key), values[i]]));
    } finally {
      db.close();
    }
  }, undefined);
}

/**
 * The accounts stored in a format this build knows (entries of version 1,
 * which hold their key and login, and of version 2, joined with the secret
 * record they name), as the background sees them.
 */
export async function storedAccounts(ctx: Page | Worker | ExtensionScope): Promise<StoredAccount[]> {
  const [entries, secrets] = await Promise.all([storedAccountEntries(ctx), storedSecrets(ctx)]);
  const known = Object.values(entries).filter(
    (e): e is { version: 1 | 2; data: StoredAccount } => !!e && typeof e === 'object' && [1, 2].includes((e as { version?: unknown }).version as number),
  );
  return known.map(({ version, data }) => {
    if (version === 1) return data;
    const { secretRef, ...fields } = data;
    const secret = (secrets[secretRef as string] as { data?: { key?: string; login?: string } } | undefined)?.data;
    return { ...fields, key: secret?.key ?? '', ...(secret?.login ? { login: secret.login } : {}) };
  });
}

/**
 * What to put in storage.local for these accounts (`local:accountEntries`),
 * for seeding a profile: entries of version 1, keys inside, which the
 * background reads as they are and carries over to version 2 (keys into
 * IndexedDB) at its next start or first change of an account. The old
 * `accounts` list is seeded only where its migration is under test.
 */
export function accountEntriesSeed(accounts: readonly { id: string }[]): { accountEntries: unknown } {
  const entries = Object.fromEntries(accounts.map((account) => [account.id, { version: 1, data: account }]));
  return { accountEntries: { version: 1, entries, order: accounts.map((account) => account.id) } };
}

/**
 * An account as a build before this one stored it, its key inside, on the host simulator's API for its host:
 * enabled, HTTPS only, no defaults, unless `extra` says otherwise. For accountEntriesSeed.
 */
export function seededAccount(sim: Pick<HostSim, 'apiBase'>, id: string, hostId: string, label: string, key: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    hostId,
    label,
    apiBase: sim.apiBase(hostId as never),
    key,
    enabled: true,
    allowHttp: false,
    defaults: {},
    createdAt: 1_700_000_000_000,
    ...extra,
  };
}
