import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountsItem, createAccountStore } from '../../../lib/storage/account-store';
import { createSecretStore, secretsDbName, type SecretStore } from '../../../lib/storage/secret-store';
import { accountSchema, type Account } from '../../../lib/accounts';

// Keys and logins live in the extension's IndexedDB, account entries (version
// 2) in storage.local without them; the store joins the two. Version 1 entries
// are carried over secrets first, and no cut-off, failure or unreadable part
// ever loses a key. Real storage throughout: the fake browser's storage.local
// and fake-indexeddb (a fresh one per test, tests/unit/setup.ts).

const fixture = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/storage', name), 'utf8'));
const account = (id: string, extra: Partial<Account> = {}) => accountSchema.parse({ id, hostId: 'media.cm', label: id, key: `key-${id}-123456`, ...extra });

type Entries = Record<string, { version: number; data: Record<string, unknown> }>;
const local = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;
const entries = async () => ((await local()).accountEntries as { entries: Entries }).entries;

/** The secret records as IndexedDB holds them, by ref (the same layout the store opens). */
async function records(): Promise<Record<string, { version: number; data: { accountId: string; key: string; login?: string } }>> {
  const db = await openDB(secretsDbName, 1, { upgrade: (d) => void d.createObjectStore('secrets') });
  try {
    const keys = await db.getAllKeys('secrets');
    const values = await db.getAll('secrets');
    return Object.fromEntries(keys.map((k, i) => [String(k), values[i]]));
  } finally {
    db.close();
  }
}

async function putRecords(values: Record<string, unknown>, version = 1): Promise<void> {
  const db = await openDB(secretsDbName, version, { upgrade: (d) => void d.createObjectStore('secrets') });
  for (const [ref, value] of Object.entries(values)) await db.put('secrets', value, ref);
  db.close();
}

async function seedV1Entries(): Promise<ReturnType<typeof fixture>> {
  const v1 = fixture('account-entries-v1.json');
  await fakeBrowser.storage.local.set({ accountEntries: v1 });
  return v1;
}

const v1Secrets = ['fixture-entry-media-key-1234', 'fixture-entry-mega-key-5678', 'fixture-entry-mega-login'];

describe('carrying version 1 entries over', () => {
  it('reads a version 1 entry with its key as it is, before anything is carried over', async () => {
    const v1 = await seedV1Entries();
    const accounts = await accountsItem.get();
    expect(accounts).toEqual(['acc_media1', 'acc_mega1', 'acc_nokey1'].map((id) => accountSchema.parse(v1.entries[id].data)));
    expect(await records()).toEqual({});
  });

  it('writes the secrets to IndexedDB, then the entries as version 2 without them: the same accounts, no key left in storage.local', async () => {
    const v1 = await seedV1Entries();
    const before = await accountsItem.get();
    await accountsItem.migrate();

    const stored = await entries();
    expect(Object.keys(stored)).toEqual(['acc_media1', 'acc_mega1', 'acc_nokey1', 'acc_future1']);
    expect([stored.acc_media1.version, stored.acc_mega1.version, stored.acc_nokey1.version]).toEqual([2, 2, 2]);
    for (const id of ['acc_media1', 'acc_mega1', 'acc_nokey1']) {
      expect(stored[id].data).not.toHaveProperty('key');
      expect(stored[id].data).not.toHaveProperty('login');
    }
    const text = JSON.stringify(await local());
    for (const secret of v1Secrets) expect(text).not.toContain(secret);

    const secrets = await records();
    expect(secrets[stored.acc_media1.data.secretRef as string]).toEqual({ version: 1, data: { accountId: 'acc_media1', key: 'fixture-entry-media-key-1234' } });
    expect(secrets[stored.acc_mega1.data.secretRef as string]).toEqual({
      version: 1,
      data: { accountId: 'acc_mega1', key: 'fixture-entry-mega-key-5678', login: 'fixture-entry-mega-login' },
    });
    // An account without key or login has no record to name.
    expect(stored.acc_nokey1.data).not.toHaveProperty('secretRef');
    expect(Object.keys(secrets)).toHaveLength(2);

    expect(await accountsItem.get()).toEqual(before);
    // The entry that cannot be read stays as it was, its key with it, and is still reported.
    expect(stored.acc_future1).toEqual(v1.entries.acc_future1);
    expect((await accountsItem.unreadable()).entries).toEqual([
      { entryKey: 'acc_future1', id: 'acc_future1', problem: { code: 'unknown_host', hostId: 'streamfuture.tv' } },
    ]);
  });

  it('carries version 1 entries over with the first write too, and a second migration changes nothing', async () => {
    await seedV1Entries();
    await accountsItem.update((all) => all.map((a) => (a.id === 'acc_nokey1' ? { ...a, label: 'Renamed' } : a)));
    const once = await entries();
    expect(once.acc_mega1.version).toBe(2);
    const recordsOnce = await records();
    await accountsItem.migrate();
    expect(await entries()).toEqual(once);
    expect(await records()).toEqual(recordsOnce);
  });

  it('carries the list an older version kept (local:accounts) straight to version 2', async () => {
    const list = fixture('accounts-v1.json');
    await fakeBrowser.storage.local.set({ accounts: list });
    await accountsItem.migrate();
    const all = await local();
    expect(all.accounts).toBeUndefined();
    expect(Object.values(await entries()).map((e) => e.version)).toEqual([2, 2, 2]);
    expect(JSON.stringify(all)).not.toContain('fixture-media-key-1234');
    expect((await accountsItem.get()).map((a) => [a.key, a.login])).toEqual([
      ['fixture-media-key-1234', undefined],
      ['fixture-mega-key-5678', 'mega-user'],
      ['fixture-xfs-key-9012', undefined],
    ]);
  });

  it('reads the version 2 fixture: entries joined with the records they name', async () => {
    const v2 = fixture('account-entries-v2.json');
    await fakeBrowser.storage.local.set({ accountEntries: v2.accountEntries });
    await putRecords(v2.secrets);
    expect((await accountsItem.get()).map((a) => [a.id, a.key, a.login])).toEqual([
      ['acc_media2', 'fixture-v2-media-key-1234', undefined],
      ['acc_mega2', 'fixture-v2-mega-key-5678', 'fixture-v2-mega-login'],
    ]);
    expect((await accountsItem.get())[0]).not.toHaveProperty('secretRef');
    await accountsItem.migrate();
    expect(await entries()).toEqual(v2.accountEntries.entries);
  });
});

/** The real secret store, cut off at one point: the browser "stops" there. */
function cutOff(real: SecretStore, at: 'after-secrets' | 'before-collect'): SecretStore {
  const stop = () => new Error('the browser stopped here');
  return {
    ...real,
    write: async (values) => {
      await real.write(values);
      if (at === 'after-secrets' && values.size) throw stop();
    },
    all: async () => {
      if (at === 'before-collect') throw stop();
      return real.all();
    },
  };
}

describe('a migration cut off', () => {
  it('after the secrets were written: the old entries are still there and read, with both; the next start finishes', async () => {
    const v1 = await seedV1Entries();
    const before = await accountsItem.get();
    const cut = createAccountStore({ secrets: cutOff(createSecretStore(), 'after-secrets') });
    await expect(cut.migrate()).rejects.toThrow('the browser stopped here');

    expect(await entries()).toEqual(v1.entries);
    expect(Object.values(await records()).map((r) => r.data.key)).toEqual(
      expect.arrayContaining(['fixture-entry-media-key-1234', 'fixture-entry-mega-key-5678']),
    );
    expect(await accountsItem.get()).toEqual(before);

    await accountsItem.migrate();
    expect(await accountsItem.get()).toEqual(before);
    // The records the cut-off wrote and no entry names are gone; the ones named stay.
    const named = Object.values(await entries()).flatMap((e) => (e.data.secretRef ? [e.data.secretRef] : []));
    expect(Object.keys(await records()).sort()).toEqual([...named].sort());
  });

  it('before unused records were removed: the new entries read, an unused record is removed by the next write', async () => {
    await seedV1Entries();
    const before = await accountsItem.get();
    const cut = createAccountStore({ secrets: cutOff(createSecretStore(), 'before-collect') });
    await cut.update((all) => all.map((a) => (a.id === 'acc_media1' ? { ...a, key: 'a-new-media-key-0000' } : a)));
    expect(await accountsItem.get()).toEqual(before.map((a) => (a.id === 'acc_media1' ? { ...a, key: 'a-new-media-key-0000' } : a)));

    await accountsItem.update((all) => all.filter((a) => a.id !== 'acc_mega1'));
    expect(Object.values(await records()).map((r) => r.data.key)).toEqual(['a-new-media-key-0000']);
  });

  it('without IndexedDB: nothing is written, the version 1 entries still read with their keys', async () => {
    const v1 = await seedV1Entries();
    const before = await accountsItem.get();
    const factory = globalThis.indexedDB;
    (globalThis as { indexedDB?: unknown }).indexedDB = {
      open: () => {
        throw new DOMException('IndexedDB is off', 'InvalidStateError');
      },
    };
    try {
      await expect(accountsItem.migrate()).rejects.toMatchObject({ code: 'storage' });
      await expect(accountsItem.update((all) => [...all, account('acc_new')])).rejects.toMatchObject({ code: 'storage' });
      expect(await entries()).toEqual(v1.entries);
      expect(await accountsItem.get()).toEqual(before);
    } finally {
      globalThis.indexedDB = factory;
    }
  });
});

describe('secrets as accounts change', () => {
  const refOf = async (id: string) => (await entries())[id]?.data.secretRef as string | undefined;

  it('writes a new record for a new key and removes the old one; a change of anything else keeps the record', async () => {
    await accountsItem.set([account('acc_a'), account('acc_b', { hostId: 'megamax.me', login: 'login-b' })]);
    const first = await refOf('acc_a');
    expect((await records())[first!].data).toEqual({ accountId: 'acc_a', key: 'key-acc_a-123456' });

    await accountsItem.update((all) => all.map((a) => (a.id === 'acc_a' ? { ...a, label: 'Renamed', enabled: false } : a)));
    expect(await refOf('acc_a')).toBe(first);

    await accountsItem.update((all) => all.map((a) => (a.id === 'acc_a' ? { ...a, key: 'key-acc_a-replaced' } : a)));
    const second = await refOf('acc_a');
    expect(second).not.toBe(first);
    const now = await records();
    expect(now[first!]).toBeUndefined();
    expect(now[second!].data).toEqual({ accountId: 'acc_a', key: 'key-acc_a-replaced' });
    expect((await accountsItem.get()).find((a) => a.id === 'acc_a')).toMatchObject({ label: 'Renamed', key: 'key-acc_a-replaced' });
    expect(JSON.stringify(await local())).not.toContain('key-acc_a');
  });

  it('a new login alone is a new secret too', async () => {
    await accountsItem.set([account('acc_b', { hostId: 'megamax.me', login: 'login-b' })]);
    const first = await refOf('acc_b');
    await accountsItem.update((all) => all.map((a) => ({ ...a, login: 'login-b2' })));
    expect(await refOf('acc_b')).not.toBe(first);
    expect(Object.values(await records()).map((r) => r.data)).toEqual([{ accountId: 'acc_b', key: 'key-acc_b-123456', login: 'login-b2' }]);
    expect(JSON.stringify(await local())).not.toContain('login-b');
  });

  it('removes the record of an account removed', async () => {
    await accountsItem.set([account('acc_a'), account('acc_b')]);
    const kept = await refOf('acc_b');
    await accountsItem.update((all) => all.filter((a) => a.id !== 'acc_a'));
    expect(Object.keys(await records())).toEqual([kept]);
    await accountsItem.set([]);
    expect(await records()).toEqual({});
  });

  it('keeps a login with an empty key (an import without keys) and drops the record when both are gone', async () => {
    await accountsItem.set([account('acc_m', { hostId: 'megamax.me', key: '', login: 'just-login' })]);
    expect(await accountsItem.get()).toMatchObject([{ key: '', login: 'just-login' }]);
    await accountsItem.update((all) => all.map(({ login: _l, ...a }) => a as Account));
    expect(await refOf('acc_m')).toBeUndefined();
    expect(await records()).toEqual({});
    expect(await accountsItem.get()).toEqual([account('acc_m', { hostId: 'megamax.me', key: '' })]);
  });

  it('reads an account whose record is gone (site data cleared) without its key', async () => {
    await accountsItem.set([account('acc_a')]);
    const db = await openDB(secretsDbName, 1);
    await db.clear('secrets');
    db.close();
    expect(await accountsItem.get()).toEqual([account('acc_a', { key: '' })]);
    await accountsItem.update((all) => all.map((a) => ({ ...a, key: 'entered-again-123' })));
    expect((await accountsItem.get())[0].key).toBe('entered-again-123');
  });

  it('watchers hear of a changed key', async () => {
    await accountsItem.set([account('acc_a')]);
    const heard: string[] = [];
    const stop = accountsItem.watch((all) => heard.push(all[0]?.key ?? ''));
    await accountsItem.update((all) => all.map((a) => ({ ...a, key: 'watched-key-42' })));
    await expect.poll(() => heard).toContain('watched-key-42');
    stop();
  });
});

describe('secrets that cannot be read', () => {
  const v2Entry = (id: string, ref: string) => ({
    version: 2,
    data: { ...accountSchema.parse({ id, hostId: 'media.cm', label: id, key: 'x' }), key: undefined, secretRef: ref },
  });

  async function seedV2(extra: Record<string, unknown> = {}) {
    const good = v2Entry('acc_good', 'sec_good');
    const odd = v2Entry('acc_odd', 'sec_odd');
    await fakeBrowser.storage.local.set({ accountEntries: { version: 1, entries: { acc_good: good, acc_odd: odd, ...extra } } });
    return { good, odd };
  }

  it('reports an account whose record is of a newer version, keeps both, and never writes over them', async () => {
    const newer = { version: 3, data: { accountId: 'acc_odd', vault: 'sealed' } };
    const { odd } = await seedV2();
    await putRecords({ sec_good: { version: 1, data: { accountId: 'acc_good', key: 'good-key-1234' } }, sec_odd: newer });
    expect((await accountsItem.get()).map((a) => a.id)).toEqual(['acc_good']);
    expect((await accountsItem.unreadable()).entries).toEqual([
      { entryKey: 'acc_odd', id: 'acc_odd', problem: { code: 'newer_version', version: 3, known: 1 } },
    ]);

    await accountsItem.update((all) => [...all, account('acc_new')]);
    await expect(accountsItem.update((all) => [...all, account('acc_odd')])).rejects.toMatchObject({ code: 'storage_unreadable' });
    expect((await entries()).acc_odd).toEqual(JSON.parse(JSON.stringify(odd)));
    expect((await records()).sec_odd).toEqual(newer);

    // Its export carries the record it names; removing it removes both.
    expect(await accountsItem.unreadableRaw('acc_odd')).toEqual({ entry: JSON.parse(JSON.stringify(odd)), secret: newer });
    await expect(accountsItem.removeUnreadable('acc_odd')).resolves.toBe(true);
    expect((await entries()).acc_odd).toBeUndefined();
    expect((await records()).sec_odd).toBeUndefined();
  });

  it('reports a record of a bad shape or of another account', async () => {
    await seedV2();
    await putRecords({
      sec_good: { version: 1, data: { accountId: 'acc_other', key: 'k' } },
      sec_odd: { version: 1, data: { accountId: 'acc_odd', key: 42 } },
    });
    expect(await accountsItem.get()).toEqual([]);
    expect((await accountsItem.unreadable()).entries.map((e) => [e.entryKey, e.problem])).toEqual([
      ['acc_good', { code: 'bad_shape', fields: ['secretRef'] }],
      ['acc_odd', { code: 'bad_shape', fields: ['secret.key'] }],
    ]);
  });

  it('keeps the record an entry of a newer version names, and the records of accounts whose entry cannot be read', async () => {
    const future = { version: 3, data: { id: 'acc_future', secretRef: 'sec_future', more: true } };
    const unnamed = { version: 1, data: { accountId: 'acc_future2', key: 'kept-for-the-future' } };
    await seedV2({ acc_future: future, acc_future2: { version: 4, data: { id: 'acc_future2', vault: 'elsewhere' } } });
    await putRecords({
      sec_good: { version: 1, data: { accountId: 'acc_good', key: 'good-key-1234' } },
      sec_odd: { version: 1, data: { accountId: 'acc_odd', key: 'odd-key-1234' } },
      sec_future: { version: 1, data: { accountId: 'acc_future', key: 'future-key-1234' } },
      sec_future2: unnamed,
      sec_orphan: { version: 1, data: { accountId: 'acc_gone', key: 'orphan-key-1234' } },
      sec_unknown: { version: 9, data: 'a newer record' },
    });
    await accountsItem.update((all) => all.filter((a) => a.id !== 'acc_odd'));
    expect(Object.keys(await records()).sort()).toEqual(['sec_future', 'sec_future2', 'sec_good', 'sec_unknown']);
    expect((await entries()).acc_future).toEqual(future);
  });

  it('reports every account that names a record while the key store has a newer layout, and writes no key into it', async () => {
    await seedV2();
    await putRecords({}, 2);
    expect(await accountsItem.get()).toEqual([]);
    expect((await accountsItem.unreadable()).entries.map((e) => e.problem)).toEqual([
      { code: 'newer_version', version: 2, known: 1 },
      { code: 'newer_version', version: 2, known: 1 },
    ]);
    await expect(accountsItem.update((all) => [...all, account('acc_new')])).rejects.toMatchObject({ code: 'storage' });
    expect(Object.keys(await entries())).toEqual(['acc_good', 'acc_odd']);
  });
});
