// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountsItem, settingsItem } from '../../../lib/storage/items';
import { accountSchema, type Account } from '../../../lib/accounts';
import { exportSettings, importSettings } from '../../../lib/settings-file';
import { AppError } from '../../../lib/errors';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const PASS = 'correct horse battery';

const stored = (over: Partial<Account>): Account =>
  accountSchema.parse({ id: 'acc_x', hostId: 'media.cm', label: 'X', key: 'stored-key-abcdef', createdAt: 1, ...over });

async function seed(): Promise<void> {
  await accountsItem.set([
    stored({ id: 'acc_media1', label: 'Old media', key: 'old-media-key-0000' }),
    stored({ id: 'acc_keep', hostId: 'vipstream.cc', label: 'Keep me', key: 'keep-key-9999' }),
  ]);
  await settingsItem.set({ ...(await settingsItem.get()), defaultAccountId: 'acc_keep', linkFormat: 'html' });
}

async function snapshot(): Promise<string> {
  return JSON.stringify([await accountsItem.get(), await settingsItem.get()]);
}

async function expectRefused(run: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('invalid_input');
  expect((error as AppError).message).toMatch(message);
}

describe('settings export', () => {
  it('leaves keys out without a passphrase', async () => {
    await seed();
    const out = await exportSettings();
    expect(out.keysIncluded).toBe(false);
    expect(out.text).not.toContain('old-media-key-0000');
    expect(out.text).not.toContain('keep-key-9999');
    const file = JSON.parse(out.text);
    expect(file.keys).toBeUndefined();
    expect(file.accounts.map((a: Record<string, unknown>) => 'key' in a)).toEqual([false, false]);
    expect(out.fileName).toMatch(/^vidrelay-settings-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('writes logins only inside the encrypted block (file version 3)', async () => {
    await accountsItem.set([stored({ id: 'acc_mega', hostId: 'megamax.me', label: 'Mega', login: 'megauser-login', key: 'mega-key-777777' })]);
    const plain = await exportSettings();
    expect(plain.text).not.toContain('megauser-login');
    const locked = await exportSettings(PASS);
    expect(JSON.parse(locked.text).version).toBe(3);
    expect(locked.text).not.toContain('megauser-login');
    await accountsItem.set([]);
    await importSettings(locked.text, PASS);
    expect(await accountsItem.get()).toMatchObject([{ id: 'acc_mega', login: 'megauser-login', key: 'mega-key-777777' }]);
  });

  it('encrypts keys with a passphrase: PBKDF2 >= 600k, random salt and 12-byte IV', async () => {
    await seed();
    const a = JSON.parse((await exportSettings(PASS)).text);
    const b = JSON.parse((await exportSettings(PASS)).text);
    expect(JSON.stringify(a)).not.toContain('keep-key-9999');
    expect(a.keys.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(a.keys.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(atob(a.keys.cipher.iv)).toHaveLength(12);
    expect(a.keys.kdf.salt).not.toBe(b.keys.kdf.salt);
    expect(a.keys.cipher.iv).not.toBe(b.keys.cipher.iv);
  });

  it('leaves unreadable accounts out and says how many, keeping them in storage', async () => {
    await seed();
    const entries = ((await fakeBrowser.storage.local.get('accountEntries')) as { accountEntries: { entries: Record<string, unknown> } }).accountEntries
      .entries;
    const broken = { version: 1, data: { ...stored({ id: 'acc_new', key: 'unreadable-key-4242' }), hostId: 'streamfuture.tv' } };
    await fakeBrowser.storage.local.set({ accountEntries: { version: 1, entries: { ...entries, acc_new: broken, junk: 'junk' } } });
    const out = await exportSettings(PASS);
    expect(out).toMatchObject({ accounts: 2, unreadableAccounts: 2, unreadableAccountLists: 0 });
    expect(out.text).not.toContain('acc_new');
    expect(out.text).not.toContain('unreadable-key-4242');
    expect(JSON.parse(out.text).accounts.map((a: { id: string }) => a.id)).toEqual(['acc_media1', 'acc_keep']);
    expect(
      ((await fakeBrowser.storage.local.get('accountEntries')) as { accountEntries: { entries: Record<string, unknown> } }).accountEntries.entries.acc_new,
    ).toEqual(broken);
    await fakeBrowser.storage.local.set({ accountEntries: { version: 2, entries: {} } });
    await expect(exportSettings()).resolves.toMatchObject({ accounts: 0, unreadableAccounts: 0, unreadableAccountLists: 1 });
  });

  it('counts nothing left out when everything reads', async () => {
    await seed();
    await expect(exportSettings()).resolves.toMatchObject({ accounts: 2, unreadableAccounts: 0, unreadableAccountLists: 0 });
  });

  it('refuses to export over unreadable settings with a coded error instead of writing defaults', async () => {
    await seed();
    const unreadable = { version: 3, data: { linkFormat: 'html', somethingNew: true } };
    await fakeBrowser.storage.local.set({ settings: unreadable });
    const error = await exportSettings().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'storage_unreadable', message: expect.stringContaining('nothing was exported') });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(unreadable);
  });

  it('refuses a passphrase that is too short', async () => {
    await expectRefused(exportSettings('short'), /at least 8/);
  });

  it('round-trips accounts, keys and settings into an empty profile', async () => {
    await seed();
    const out = await exportSettings(PASS);
    const before = await snapshot();
    await accountsItem.set([]);
    await settingsItem.set(await settingsItem.get().then((s) => ({ ...s, defaultAccountId: undefined, linkFormat: 'plain' })));
    const result = await importSettings(out.text, PASS);
    expect(result).toMatchObject({ accounts: 2, keysImported: 2, missingKeys: [] });
    // Each key comes back bound to the origin it was exported for.
    expect((await accountsItem.get()).map((a) => a.keyOrigin)).toEqual(['https://media.cm', 'https://vipstream.cc']);
    await accountsItem.update((all) => all.map(({ keyOrigin: _o, ...a }) => a as Account));
    expect(await snapshot()).toBe(before);
  });
});

describe('settings import', () => {
  it('reads a v1 file without keys: keeps a stored key of the same account, others need one', async () => {
    await seed();
    const result = await importSettings(fixture('v1-plain.json'));
    expect(result).toEqual({ accounts: 2, keysImported: 0, missingKeys: ['Megamax'] });
    const accounts = await accountsItem.get();
    expect(accounts.map((a) => a.id)).toEqual(['acc_media1', 'acc_keep', 'acc_mega1']);
    expect(accounts[0]).toMatchObject({ label: 'Media main', key: 'old-media-key-0000', defaults: { folderId: '12', linkFormat: 'bbcode' } });
    expect(accounts[2]).toMatchObject({ login: 'megauser', key: '', enabled: false });
    expect(await settingsItem.get()).toMatchObject({ defaultAccountId: 'acc_media1', linkFormat: 'markdown', concurrency: { perHost: 3, overall: 5 } });
  });

  it('keeps the language of this browser, whether the file names one or predates the choice', async () => {
    await seed();
    await settingsItem.update((s) => ({ ...s, language: 'ar' }));
    await importSettings(fixture('v1-plain.json'));
    expect((await settingsItem.get()).language).toBe('ar');
    const file = JSON.parse(fixture('v1-plain.json'));
    file.settings.language = 'de';
    await importSettings(JSON.stringify(file));
    expect((await settingsItem.get()).language).toBe('ar');
  });

  it('reads a v2 file: its plain login, its keys bound to their origins at 310k iterations', async () => {
    const result = await importSettings(fixture('v2-encrypted.json'), PASS);
    expect(result).toEqual({ accounts: 2, keysImported: 2, missingKeys: [] });
    expect(await accountsItem.get()).toMatchObject([
      { id: 'acc_media1', key: 'media-key-v2-1111', keyOrigin: 'https://media.cm' },
      { id: 'acc_mega1', key: 'mega-key-v2-2222', login: 'megauser' },
    ]);
    await accountsItem.set([]);
    expect(await importSettings(fixture('v2-plain.json'))).toEqual({ accounts: 2, keysImported: 0, missingKeys: ['Media main', 'Megamax'] });
    expect((await accountsItem.get())[1]).toMatchObject({ login: 'megauser', key: '' });
  });

  it('drops a kept key when the file turns plain http on or changes the login', async () => {
    await accountsItem.set([
      stored({ id: 'acc_media1', label: 'Media', key: 'kept-media-key-1' }),
      stored({ id: 'acc_mega1', hostId: 'megamax.me', label: 'Mega', login: 'megauser', key: 'kept-mega-key-2' }),
    ]);
    const file = JSON.parse(fixture('v2-plain.json'));
    file.accounts[0].allowHttp = true;
    file.accounts[1].login = 'someone-else';
    const result = await importSettings(JSON.stringify(file));
    expect(result.missingKeys).toEqual(['Media main', 'Megamax']);
    expect((await accountsItem.get()).map((a) => a.key)).toEqual(['', '']);
    // The same file without those changes keeps both keys.
    await accountsItem.set([
      stored({ id: 'acc_media1', label: 'Media', key: 'kept-media-key-1' }),
      stored({ id: 'acc_mega1', hostId: 'megamax.me', label: 'Mega', login: 'megauser', key: 'kept-mega-key-2' }),
    ]);
    await importSettings(fixture('v2-plain.json'));
    expect((await accountsItem.get()).map((a) => a.key)).toEqual(['kept-media-key-1', 'kept-mega-key-2']);
  });

  it('refuses a file whose link template is not a web link, changing nothing', async () => {
    await seed();
    const before = await snapshot();
    const file = JSON.parse(fixture('v2-plain.json'));
    file.accounts[0].linkTemplates = { watch: 'javascript:alert(1)//{code}' };
    await expectRefused(importSettings(JSON.stringify(file)), /link template that is not an http\(s\) link/);
    expect(await snapshot()).toBe(before);
  });

  it('never takes allowed upload sites from a file; a kept key keeps its own', async () => {
    await accountsItem.set([stored({ id: 'acc_media1', label: 'Media', key: 'kept-media-key-1', allowedUploadSites: ['cdn-mine.example'] })]);
    const file = JSON.parse(fixture('v2-plain.json'));
    file.accounts[0].allowedUploadSites = ['attacker.example'];
    file.accounts[1].allowedUploadSites = ['attacker.example'];
    await importSettings(JSON.stringify(file));
    const [media, mega] = await accountsItem.get();
    expect(media.allowedUploadSites).toEqual(['cdn-mine.example']);
    expect(mega.allowedUploadSites).toBeUndefined();
  });

  it('reads a v1 file with encrypted keys', async () => {
    const result = await importSettings(fixture('v1-encrypted.json'), PASS);
    expect(result).toEqual({ accounts: 2, keysImported: 2, missingKeys: [] });
    expect((await accountsItem.get()).map((a) => a.key)).toEqual(['fixture-media-key-1234', 'fixture-mega-key-5678']);
  });

  it.each([
    ['a newer file', 'newer.json', PASS, /newer VidRelay.*version 4/],
    ['broken JSON', 'broken.json', PASS, /not valid JSON/],
    ['an unknown host', 'bad-host.json', PASS, /damaged at accounts\.0\.hostId/],
    ['a wrong passphrase', 'v1-encrypted.json', 'wrong passphrase!', /passphrase does not open/],
    ['no passphrase for encrypted keys', 'v1-encrypted.json', undefined, /Enter the passphrase/],
  ])('refuses %s and changes nothing', async (_name, file, passphrase, message) => {
    await seed();
    const before = await snapshot();
    await expectRefused(importSettings(fixture(file), passphrase), message);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a file that is not a settings file, or whose keys were tampered with', async () => {
    await seed();
    const before = await snapshot();
    await expectRefused(importSettings('{"hello":1}'), /not a VidRelay settings file/);
    const tampered = JSON.parse(fixture('v1-encrypted.json'));
    tampered.keys.data = tampered.keys.data.replace(/^../, 'AA');
    await expectRefused(importSettings(JSON.stringify(tampered), PASS), /passphrase does not open/);
    const weak = JSON.parse(fixture('v1-encrypted.json'));
    weak.keys.kdf.iterations = 1000;
    await expectRefused(importSettings(JSON.stringify(weak), PASS), /damaged at keys\.kdf\.iterations/);
    expect(await snapshot()).toBe(before);
  });
});
