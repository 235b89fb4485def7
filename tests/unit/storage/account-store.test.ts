import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountsItem, accountsListToEntries } from '../../../lib/storage/account-store';
import { accountSchema, type Account } from '../../../lib/accounts';

// Accounts stored one entry each: every failure kind is kept, left out of use
// and reported, and no write drops an entry it could not read.

const fixture = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/storage', name), 'utf8'));
const account = (id: string, extra: Partial<Account> = {}) => accountSchema.parse({ id, hostId: 'media.cm', label: id, key: `key-${id}-123456`, ...extra });
const entry = (data: unknown, version = 1) => ({ version, data });
const raw = async () =>
  (await fakeBrowser.storage.local.get(['accountEntries', 'accounts'])) as {
    accountEntries?: { version: number; entries: Record<string, unknown>; order?: string[] };
    accounts?: unknown;
  };

async function seed(entries: Record<string, unknown>) {
  await fakeBrowser.storage.local.set({ accountEntries: { version: 1, entries } });
}

const failures: [string, unknown, string][] = [
  ['a bad shape', entry({ ...account('bad'), label: 42 }), 'bad_shape'],
  ['a newer version', entry({ ...account('bad'), newField: { deep: true } }, 7), 'newer_version'],
  ['an unknown host id', entry({ ...account('bad'), hostId: 'streamfuture.tv' }), 'unknown_host'],
  ['a non-object', 'not an object at all', 'not_record'],
  ['data that is not an object', entry(['bad']), 'bad_shape'],
];

describe('account entries', () => {
  it.each(failures)('keeps %s out of use, reported and untouched while the others work and change', async (_name, bad, code) => {
    await seed({ good1: entry(account('good1')), bad, good2: entry(account('good2')) });
    expect((await accountsItem.get()).map((a) => a.id)).toEqual(['good1', 'good2']);
    const report = await accountsItem.unreadable();
    expect(report.entries).toEqual([expect.objectContaining({ entryKey: 'bad', problem: expect.objectContaining({ code }) })]);

    await accountsItem.update((all) => [...all.filter((a) => a.id !== 'good1'), account('added')]);
    await accountsItem.update((all) => all.map((a) => (a.id === 'good2' ? { ...a, label: 'renamed' } : a)));
    const after = (await raw()).accountEntries!;
    expect(after.entries.bad).toEqual(bad);
    expect(Object.keys(after.entries)).toEqual(['bad', 'good2', 'added']);
    expect((await accountsItem.get()).map((a) => [a.id, a.label])).toEqual([
      ['good2', 'renamed'],
      ['added', 'added'],
    ]);
    expect((await accountsItem.unreadable()).entries).toHaveLength(1);
  });

  it('names an unknown host without quoting the key', async () => {
    await seed({ acc_f: entry({ ...account('acc_f'), hostId: 'streamfuture.tv' }) });
    const [found] = (await accountsItem.unreadable()).entries;
    expect(found).toEqual({ entryKey: 'acc_f', id: 'acc_f', problem: { code: 'unknown_host', hostId: 'streamfuture.tv' } });
    expect(JSON.stringify(found)).not.toContain('key-acc_f');
  });

  it('refuses to write an account over an unreadable entry with its id', async () => {
    await seed({ same: entry({ ...account('same'), hostId: 'nope.example' }) });
    await expect(accountsItem.update((all) => [...all, account('same')])).rejects.toMatchObject({ code: 'storage_unreadable' });
    expect((await raw()).accountEntries!.entries.same).toMatchObject({ data: { hostId: 'nope.example' } });
  });

  it('keeps a record it cannot read and refuses every write to it', async () => {
    await fakeBrowser.storage.local.set({ accountEntries: { version: 5, entries: {}, more: 'future' } });
    await expect(accountsItem.get()).resolves.toEqual([]);
    expect((await accountsItem.unreadable()).recordProblem).toEqual({ code: 'newer_version', version: 5, known: 1 });
    await expect(accountsItem.set([account('x')])).rejects.toMatchObject({ code: 'storage_unreadable' });
    expect((await raw()).accountEntries).toEqual({ version: 5, entries: {}, more: 'future' });
  });

  it('removes an unreadable entry only, and never one that reads', async () => {
    await seed({ good: entry(account('good')), bad: 'junk' });
    await expect(accountsItem.removeUnreadable('good')).resolves.toBe(false);
    await expect(accountsItem.removeUnreadable('bad')).resolves.toBe(true);
    expect(Object.keys((await raw()).accountEntries!.entries)).toEqual(['good']);
  });

  it('keeps the order accounts were added in, whatever order storage hands the keys back in', async () => {
    await accountsItem.set([account('acc_z'), account('acc_b'), account('acc_m')]);
    const stored = (await raw()).accountEntries!;
    expect(stored.order).toEqual(['acc_z', 'acc_b', 'acc_m']);
    const sorted = Object.fromEntries(Object.entries(stored.entries).sort(([a], [b]) => a.localeCompare(b)));
    await fakeBrowser.storage.local.set({ accountEntries: { ...stored, entries: sorted } });
    expect((await accountsItem.get()).map((a) => a.id)).toEqual(['acc_z', 'acc_b', 'acc_m']);
  });

  it('serializes concurrent updates so none is lost', async () => {
    await Promise.all(Array.from({ length: 15 }, (_, i) => accountsItem.update((all) => [...all, account(`c${i}`)])));
    expect(await accountsItem.get()).toHaveLength(15);
  });
});

describe('migration from the v1 list (local:accounts)', () => {
  it('carries every account and key of today’s list over, then removes the old list', async () => {
    const v1 = fixture('accounts-v1.json');
    await fakeBrowser.storage.local.set({ accounts: v1 });
    await accountsItem.migrate();
    const stored = await raw();
    expect(stored.accounts).toBeUndefined();
    expect(Object.keys(stored.accountEntries!.entries)).toEqual(['acc_media1', 'acc_mega1', 'acc_xfs1']);
    const accounts = await accountsItem.get();
    expect(accounts.map((a) => a.key)).toEqual(['fixture-media-key-1234', 'fixture-mega-key-5678', 'fixture-xfs-key-9012']);
    expect(accounts).toEqual(v1.data.map((a: unknown) => accountSchema.parse(a)));
    expect(await accountsItem.unreadable()).toEqual({ entries: [] });
  });

  it('carries an unreadable element over verbatim, still reported', async () => {
    const v1 = fixture('accounts-v1-one-unreadable.json');
    await fakeBrowser.storage.local.set({ accounts: v1 });
    await accountsItem.migrate();
    const stored = await raw();
    expect(stored.accounts).toBeUndefined();
    expect(stored.accountEntries!.entries.acc_future).toEqual({ version: 1, data: v1.data[1] });
    expect((await accountsItem.get()).map((a) => a.id)).toEqual(['acc_good1', 'acc_good2']);
    expect((await accountsItem.unreadable()).entries).toEqual([
      { entryKey: 'acc_future', id: 'acc_future', problem: { code: 'unknown_host', hostId: 'streamfuture.tv' } },
    ]);
  });

  it('reads the old list before the migration ran, and migrates on the first write', async () => {
    await fakeBrowser.storage.local.set({ accounts: fixture('accounts-v1.json') });
    expect(await accountsItem.get()).toHaveLength(3);
    await accountsItem.update((all) => [...all, account('acc_new')]);
    const stored = await raw();
    expect(stored.accounts).toBeUndefined();
    expect(Object.keys(stored.accountEntries!.entries)).toEqual(['acc_media1', 'acc_mega1', 'acc_xfs1', 'acc_new']);
  });

  it('keeps an old list of a newer version untouched and reports it', async () => {
    const newer = { version: 2, data: { somethingElse: true } };
    await fakeBrowser.storage.local.set({ accounts: newer });
    await accountsItem.migrate();
    await accountsItem.update((all) => [...all, account('acc_new')]);
    expect((await raw()).accounts).toEqual(newer);
    expect((await accountsItem.unreadable()).legacyProblem).toEqual({ code: 'newer_version', version: 2, known: 1 });
    await expect(accountsItem.removeUnreadableRecord('legacy')).resolves.toBe(true);
    expect((await raw()).accounts).toBeUndefined();
  });

  it('merges a list an older build wrote after a downgrade, keeping clashing ids apart', async () => {
    await seed({ acc_a: entry(account('acc_a')) });
    const olderBuild = { version: 1, data: [account('acc_b'), { ...account('acc_a'), label: 'edited elsewhere' }, 'garbage'] };
    await fakeBrowser.storage.local.set({ accounts: olderBuild });
    await accountsItem.migrate();
    const stored = await raw();
    expect(stored.accounts).toBeUndefined();
    expect(Object.keys(stored.accountEntries!.entries)).toEqual(['acc_a', 'acc_b', 'legacy-1', 'legacy-2']);
    expect((await accountsItem.get()).map((a) => a.id)).toEqual(['acc_a', 'acc_b']);
    expect((await accountsItem.unreadable()).entries.map((e) => [e.entryKey, e.problem.code])).toEqual([
      ['legacy-1', 'duplicate_id'],
      ['legacy-2', 'bad_shape'],
    ]);
  });

  it('step: an element already carried over with the same content is not added twice', () => {
    const list = { version: 1, data: [account('acc_a')] };
    const once = accountsListToEntries(list, {});
    expect('raw' in once && accountsListToEntries(list, once.raw)).toEqual(once);
  });

  it('step: an account with an unusual id keeps it and stays usable', async () => {
    const odd = account('imported account #1');
    await fakeBrowser.storage.local.set({ accounts: { version: 1, data: [odd] } });
    await accountsItem.migrate();
    expect(await accountsItem.get()).toEqual([odd]);
    expect(Object.keys((await raw()).accountEntries!.entries)).toEqual(['imported account #1']);
  });

  it('step: storage handing the entry back with its keys reordered is still the same content', () => {
    const a = account('acc_a');
    const reordered = Object.fromEntries(Object.entries(a).reverse());
    const out = accountsListToEntries({ version: 1, data: [a] }, { acc_a: { data: reordered, version: 1 } });
    expect('raw' in out && Object.keys(out.raw)).toEqual(['acc_a']);
  });
});
