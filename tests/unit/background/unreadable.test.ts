import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, type Handlers } from '../../../lib/background/root/router';
import { createAccountHandlers } from '../../../lib/background/handlers/accounts';
import { createStorageHandlers } from '../../../lib/background/handlers/unreadable';
import { createStoredServices } from '../../../lib/background/root/build-context';
import { storedItems } from '../../../lib/background/stored/registry';
import { accountsItem, settingsItem } from '../../../lib/storage/items';
import { hasHostAccess } from '../../../lib/accounts/host-access';
import { accountSchema } from '../../../lib/accounts';
import { exportSettings, importSettings } from '../../../lib/settings-file';
import { decryptText } from '../../../lib/settings-file/crypto';
import { encryptedKeysSchema } from '../../../lib/settings-file/format';
import { SECRET_MARKER, UNREADABLE_EXPORT_PURPOSE } from '../../../lib/background/stored/unreadable-export';
import { fakeContext, fakePorts } from './context-fakes';
import { pickerEntryVersion } from '../../../lib/background/send-to-host/picker';

// Unreadable settings and accounts as the background serves them: reported
// without their values, exported (encrypted or with secrets removed) or removed only on request, and never
// written over by a save or a repair nobody asked for.

const fixture = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/storage', name), 'utf8'));
// The stored services the background builds, over the real stored items: this test is about what storage keeps.
const services = createStoredServices(storedItems, fakePorts({ hasAccess: hasHostAccess }));
const handlers = { ...createAccountHandlers(services), ...createStorageHandlers(services) } as unknown as Handlers;
const page = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });
const call = (type: string, payload: unknown, sender: object = page()) => dispatch(handlers, { vidrelay: 1, type, payload }, sender);
const good = accountSchema.parse({ id: 'acc_good', hostId: 'media.cm', label: 'Good', key: 'good-key-7777777' });
const futureAccount = { ...good, id: 'acc_future', hostId: 'streamfuture.tv', key: 'future-secret-key-99' };
const brokenSettings = { version: 1, data: { concurrency: { perHost: 'lots' } } };

async function seed() {
  await fakeBrowser.storage.local.set({
    accountEntries: { version: 1, entries: { acc_good: { version: 1, data: good }, acc_future: { version: 1, data: futureAccount } } },
    settings: brokenSettings,
    linkHealth: { version: 4, data: {} },
  });
}
const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('stored settings of each version', () => {
  it('reads version 1 with the language as the browser, and writes it back as version 2 only when saved', async () => {
    const v1 = fixture('settings-v1.json');
    await fakeBrowser.storage.local.set({ settings: v1 });
    await expect(settingsItem.get()).resolves.toEqual({ ...v1.data, language: 'browser' });
    await expect(settingsItem.problem()).resolves.toBeUndefined();
    expect(await stored('settings')).toEqual(v1);
    await settingsItem.update((s) => ({ ...s, language: 'ar' }));
    expect(await stored('settings')).toEqual({ version: 2, data: { ...v1.data, language: 'ar' } });
  });

  it('reads version 2 as it is', async () => {
    const v2 = fixture('settings-v2.json');
    await fakeBrowser.storage.local.set({ settings: v2 });
    await expect(settingsItem.get()).resolves.toEqual(v2.data);
  });

  it('keeps version 1 settings that are no object as unreadable', async () => {
    const odd = { version: 1, data: 'de' };
    await fakeBrowser.storage.local.set({ settings: odd });
    await expect(settingsItem.problem()).resolves.toEqual({ code: 'migration_failed', version: 1 });
    await expect(settingsItem.update((s) => s)).rejects.toMatchObject({ code: 'storage_unreadable' });
    expect(await stored('settings')).toEqual(odd);
  });
});

describe('unreadable stored data', () => {
  it('lists each unreadable entry with what was wrong, never its value', async () => {
    await seed();
    const reply = await call('storage.unreadable', {});
    expect(reply).toMatchObject({ ok: true });
    const list = (reply as { data: { ref: string; kind: string; id?: string; problem: { code: string }; message: string }[] }).data;
    expect(list.map((r) => [r.ref, r.kind, r.id, r.problem.code])).toEqual([
      ['account:acc_future', 'account', 'acc_future', 'unknown_host'],
      ['settings', 'settings', undefined, 'bad_shape'],
      ['linkHealth', 'linkHealth', undefined, 'newer_version'],
    ]);
    expect(list[0].message).toContain('streamfuture.tv');
    expect(list[1].message).toContain('concurrency.perHost');
    expect(JSON.stringify(list)).not.toContain('future-secret-key-99');
  });

  it('runs on default settings but refuses to save over unreadable ones, with a coded error', async () => {
    await seed();
    await expect(call('settings.get', {})).resolves.toMatchObject({ ok: true, data: { linkFormat: 'plain' } });
    const refused = await call('settings.save', { defaultAccountId: 'acc_good' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage_unreadable', message: expect.stringContaining('Options') } });
    expect(await stored('settings')).toEqual(brokenSettings);
  });

  it('saves a new account while settings and an account are unreadable, keeping both untouched', async () => {
    await seed();
    const saved = await call('accounts.save', {
      account: { hostId: 'vipstream.cc', label: 'New', key: 'new-key-123456', enabled: true, allowHttp: false, defaults: {} },
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await stored('settings')).toEqual(brokenSettings);
    const entries = ((await stored('accountEntries')) as { entries: Record<string, unknown> }).entries;
    expect(entries.acc_future).toEqual({ version: 1, data: futureAccount });
    expect((await accountsItem.get()).map((a) => a.label)).toEqual(['Good', 'New']);
  });

  it('refuses an import before any account is written when settings are unreadable', async () => {
    await accountsItem.set([{ ...good, id: 'acc_other', label: 'Other' }]);
    const { text } = await exportSettings();
    await fakeBrowser.storage.local.remove('accountEntries');
    await seed();
    await expect(importSettings(text)).rejects.toMatchObject({ code: 'storage_unreadable' });
    expect((await accountsItem.get()).map((a) => a.id)).toEqual(['acc_good']);
  });

  it('keeps a default account that could not be read as the default', async () => {
    await seed();
    await fakeBrowser.storage.local.set({ settings: { version: 1, data: { defaultAccountId: 'acc_future' } } });
    await services.accounts.repairDefault();
    expect((await settingsItem.get()).defaultAccountId).toBe('acc_future');
  });

  it('exports an unreadable entry without a passphrase with its key replaced by the marker, only while it is unreadable', async () => {
    await seed();
    const reply = (await call('storage.exportUnreadable', { ref: 'account:acc_future' })) as {
      ok: true;
      data: { fileName: string; text: string; protection: string; redacted: number };
    };
    expect(reply).toMatchObject({
      ok: true,
      data: { fileName: 'vidrelay-unreadable-account-acc_future.json', protection: 'redacted', redacted: 1, marker: SECRET_MARKER },
    });
    expect(reply.data.text).not.toContain('future-secret-key-99');
    const file = JSON.parse(reply.data.text);
    expect(file).toMatchObject({
      kind: 'account',
      entryKey: 'acc_future',
      secretsRemoved: 1,
      value: { version: 1, data: { ...futureAccount, key: SECRET_MARKER } },
    });
    expect(await call('storage.exportUnreadable', { ref: 'account:acc_good' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const settings = (await call('storage.exportUnreadable', { ref: 'settings' })) as { data: { text: string; redacted: number } };
    expect(JSON.parse(settings.data.text).value).toEqual(brokenSettings);
    expect(settings.data.redacted).toBe(0);
  });

  it('exports an unreadable entry with a passphrase encrypted, the raw entry inside exactly as stored', async () => {
    await seed();
    const reply = (await call('storage.exportUnreadable', { ref: 'account:acc_future', passphrase: 'correct horse battery' })) as {
      ok: true;
      data: { fileName: string; text: string };
    };
    expect(reply).toMatchObject({ ok: true, data: { fileName: 'vidrelay-unreadable-account-acc_future-encrypted.json', protection: 'encrypted' } });
    expect(reply.data.text).not.toContain('future-secret-key-99');
    const file = JSON.parse(reply.data.text);
    expect(file).toMatchObject({
      kind: 'account',
      entryKey: 'acc_future',
      encryption: { purpose: UNREADABLE_EXPORT_PURPOSE, kdf: { name: 'PBKDF2', hash: 'SHA-256' }, cipher: { name: 'AES-GCM' } },
    });
    expect(file.value).toBeUndefined();
    const block = encryptedKeysSchema.parse(file.encryption);
    expect(JSON.parse(await decryptText(block, 'correct horse battery', UNREADABLE_EXPORT_PURPOSE))).toEqual({ value: { version: 1, data: futureAccount } });
    // Bound to its purpose: the block does not open as a settings file's key block.
    await expect(decryptText(block, 'correct horse battery')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(decryptText(block, 'wrong horse battery', UNREADABLE_EXPORT_PURPOSE)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await call('storage.exportUnreadable', { ref: 'account:acc_future', passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('8 characters') },
    });
  });

  it('removes only after confirmation, only unreadable entries, and only for extension pages', async () => {
    await seed();
    expect(await call('storage.removeUnreadable', { ref: 'account:acc_future' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const contentScript = { id: browser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } };
    expect(await call('storage.removeUnreadable', { ref: 'account:acc_future', confirmed: true }, contentScript)).toMatchObject({
      ok: false,
      error: { code: 'auth' },
    });
    expect(await call('storage.exportUnreadable', { ref: 'account:acc_future' }, contentScript)).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(await call('storage.removeUnreadable', { ref: 'account:acc_good', confirmed: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('storage.removeUnreadable', { ref: 'account:acc_future', confirmed: true })).toEqual({ ok: true, data: { removed: true } });
    expect(await call('storage.removeUnreadable', { ref: 'settings', confirmed: true })).toEqual({ ok: true, data: { removed: true } });
    expect(await stored('settings')).toBeUndefined();
    expect(await call('settings.save', { defaultAccountId: 'acc_good' })).toMatchObject({ ok: true });
    expect((await accountsItem.get()).map((a) => a.id)).toEqual(['acc_good']);
    expect((await call('storage.unreadable', {})) as { data: unknown[] }).toMatchObject({ data: [{ ref: 'linkHealth' }] });
  });

  it('reports an unreadable picker entry of storage.session, exports it with secrets removed and removes it on request', async () => {
    const newer = {
      version: pickerEntryVersion + 1,
      data: { id: 'p1', candidates: [{ url: 'https://cdn.example/a.mp4?token=abc', token: 'picker-secret-1' }] },
    };
    await fakeBrowser.storage.session.set({ 'picker:p1': newer });
    const list = (await call('storage.unreadable', {})) as { data: { ref: string; kind: string; problem: { code: string } }[] };
    expect(list.data.map((r) => [r.ref, r.kind, r.problem.code])).toEqual([['picker:p1', 'pickerEntry', 'newer_version']]);
    const out = (await call('storage.exportUnreadable', { ref: 'picker:p1' })) as { data: { text: string; redacted: number } };
    expect(out.data.redacted).toBe(1);
    expect(JSON.parse(out.data.text)).toMatchObject({
      kind: 'pickerEntry',
      storageKey: 'session:picker:p1',
      value: { version: pickerEntryVersion + 1, data: { candidates: [{ url: 'https://cdn.example/a.mp4?token=abc', token: SECRET_MARKER }] } },
    });
    expect(await call('storage.removeUnreadable', { ref: 'picker:p1', confirmed: true })).toEqual({ ok: true, data: { removed: true } });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await call('storage.removeUnreadable', { ref: 'picker:p1', confirmed: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('the report of unreadable data', () => {
  it('walks the stored items the context was handed (here accounts and settings held in memory), never browser storage behind them', async () => {
    const ctx = fakeContext();
    ctx.stores.accounts.unreadableEntries.push({ entryKey: 'acc_future', id: 'acc_future', problem: { code: 'newer_version', version: 3, known: 1 } });
    ctx.stores.settings.storedProblem = { code: 'bad_shape', fields: ['concurrency'] };
    // Browser storage holds an account entry of its own that cannot be read: the report must not look there.
    await fakeBrowser.storage.local.set({
      accountEntries: { version: 1, entries: { acc_elsewhere: { version: 1, data: { ...futureAccount, id: 'acc_elsewhere' } } } },
    });
    expect((await accountsItem.unreadable()).entries).toHaveLength(1);
    expect((await ctx.unreadable.list()).map((r) => [r.ref, r.kind])).toEqual([
      ['account:acc_future', 'account'],
      ['settings', 'settings'],
    ]);
    await expect(ctx.unreadable.remove('settings')).resolves.toBe(true);
    expect(ctx.stores.settings.storedProblem).toBeUndefined();
    expect((await ctx.unreadable.list()).map((r) => r.ref)).toEqual(['account:acc_future']);
  });
});
