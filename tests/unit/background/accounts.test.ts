import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAccountHandlers } from '../../../lib/background/handlers/accounts';
import { accountsItem, settingsItem } from '../../../lib/storage';
import { HostError } from '../../../lib/errors';

// Several accounts per host, the default account, enable/disable and removal
// (history kept), through the same handlers the router calls.

const handlers = createAccountHandlers();
const input = (label: string, key: string) => ({
  hostId: 'media.cm' as const,
  label,
  key,
  enabled: true,
  allowHttp: false,
  defaults: {},
});

async function twoAccounts() {
  const a = await handlers['accounts.save']({ account: input('Main', 'key-main-123456') });
  const b = await handlers['accounts.save']({ account: { ...input('Second', 'key-second-654321'), defaults: { folderId: '7', tags: 'x', public: true, adult: false, linkFormat: 'markdown' } } });
  return { a, b };
}

describe('accounts', () => {
  it('keeps several accounts on one host; the first becomes the default; pages get masked keys', async () => {
    const { a, b } = await twoAccounts();
    expect(a.id).not.toBe(b.id);
    expect((await settingsItem.get()).defaultAccountId).toBe(a.id);
    const list = await handlers['accounts.list']({});
    expect(list.map((x) => x.label)).toEqual(['Main', 'Second']);
    expect(JSON.stringify(list)).not.toContain('key-main-123456');
    expect(list[1]).toMatchObject({ keyHint: '••••4321', hasKey: true, defaults: { folderId: '7', linkFormat: 'markdown', public: true } });
  });

  it('edits defaults without retyping the key', async () => {
    const { b } = await twoAccounts();
    await handlers['accounts.save']({ account: { ...input('Second renamed', ''), id: b.id, defaults: { linkFormat: 'html' } } });
    const stored = (await accountsItem.get()).find((x) => x.id === b.id)!;
    expect(stored).toMatchObject({ label: 'Second renamed', key: 'key-second-654321', defaults: { linkFormat: 'html' } });
  });

  it('disabling the default account hands the default to an enabled one; a disabled account cannot become default', async () => {
    const { a, b } = await twoAccounts();
    const disabled = await handlers['accounts.setEnabled']({ id: a.id, enabled: false });
    expect(disabled.enabled).toBe(false);
    expect((await settingsItem.get()).defaultAccountId).toBe(b.id);
    await expect(handlers['settings.save']({ defaultAccountId: a.id })).rejects.toMatchObject({ code: 'invalid_input' });
    await handlers['accounts.setEnabled']({ id: a.id, enabled: true });
    await handlers['settings.save']({ defaultAccountId: a.id });
    expect((await settingsItem.get()).defaultAccountId).toBe(a.id);
  });

  it('refuses to toggle an account that does not exist', async () => {
    await expect(handlers['accounts.setEnabled']({ id: 'nope', enabled: false })).rejects.toBeInstanceOf(HostError);
  });

  it('removes an account but keeps its jobs (history)', async () => {
    const { a, b } = await twoAccounts();
    const job = { version: 1, data: { id: 'job1', accountId: a.id } };
    await fakeBrowser.storage.local.set({ 'jobs:job1': job, jobs: { keep: true } });
    const before = await fakeBrowser.storage.local.get(null);
    expect(await handlers['accounts.remove']({ id: a.id })).toEqual({ removed: true });
    expect((await accountsItem.get()).map((x) => x.id)).toEqual([b.id]);
    expect((await settingsItem.get()).defaultAccountId).toBe(b.id);
    const after = await fakeBrowser.storage.local.get(null);
    for (const key of Object.keys(before).filter((k) => k.startsWith('jobs'))) expect(after[key]).toEqual(before[key]);
  });
});
