import { describe, expect, it } from 'vitest';
import { createAccountHandlers } from '../../../lib/background/handlers/accounts';
import { AppError } from '../../../lib/errors';
import type { Job } from '../../../lib/queue/model/job';
import { fakeContext } from './context-fakes';

// Several accounts per host, the default account, enable/disable and removal
// (history kept), through the same handlers the router calls, over a context
// of in-memory stores.

const input = (label: string, key: string) => ({
  hostId: 'media.cm' as const,
  label,
  key,
  enabled: true,
  allowHttp: false,
  defaults: {},
});

function setup() {
  const ctx = fakeContext();
  return { ctx, handlers: createAccountHandlers(ctx) };
}

async function twoAccounts(handlers: ReturnType<typeof setup>['handlers']) {
  const a = await handlers['accounts.save']({ account: input('Main', 'key-main-123456') });
  const b = await handlers['accounts.save']({
    account: { ...input('Second', 'key-second-654321'), defaults: { folderId: '7', tags: 'x', public: true, adult: false, linkFormat: 'markdown' } },
  });
  return { a, b };
}

describe('accounts', () => {
  it('keeps several accounts on one host; the first becomes the default; pages get masked keys', async () => {
    const { ctx, handlers } = setup();
    const { a, b } = await twoAccounts(handlers);
    expect(a.id).not.toBe(b.id);
    expect(ctx.stores.settings.peek().defaultAccountId).toBe(a.id);
    const list = await handlers['accounts.list']({});
    expect(list.map((x) => x.label)).toEqual(['Main', 'Second']);
    expect(JSON.stringify(list)).not.toContain('key-main-123456');
    expect(list[1]).toMatchObject({ keyHint: '••••4321', hasKey: true, defaults: { folderId: '7', linkFormat: 'markdown', public: true } });
    // The key is stored, bound to the origin it was entered for.
    expect(ctx.stores.accounts.peek()[0]).toMatchObject({ key: 'key-main-123456', keyOrigin: 'https://media.cm' });
  });

  it('edits defaults without retyping the key', async () => {
    const { ctx, handlers } = setup();
    const { b } = await twoAccounts(handlers);
    await handlers['accounts.save']({ account: { ...input('Second renamed', ''), id: b.id, defaults: { linkFormat: 'html' } } });
    const stored = ctx.stores.accounts.peek().find((x) => x.id === b.id)!;
    expect(stored).toMatchObject({ label: 'Second renamed', key: 'key-second-654321', defaults: { linkFormat: 'html' } });
  });

  it('disabling the default account hands the default to an enabled one; a disabled account cannot become default', async () => {
    const { ctx, handlers } = setup();
    const { a, b } = await twoAccounts(handlers);
    const disabled = await handlers['accounts.setEnabled']({ id: a.id, enabled: false });
    expect(disabled.enabled).toBe(false);
    expect(ctx.stores.settings.peek().defaultAccountId).toBe(b.id);
    await expect(handlers['settings.save']({ defaultAccountId: a.id })).rejects.toMatchObject({ code: 'invalid_input' });
    await handlers['accounts.setEnabled']({ id: a.id, enabled: true });
    await handlers['settings.save']({ defaultAccountId: a.id });
    expect((await handlers['settings.get']({})).defaultAccountId).toBe(a.id);
  });

  it('refuses to toggle an account that does not exist, and a default that does not exist', async () => {
    const { handlers } = setup();
    await expect(handlers['accounts.setEnabled']({ id: 'nope', enabled: false })).rejects.toBeInstanceOf(AppError);
    await expect(handlers['settings.save']({ defaultAccountId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('leaves unreadable settings as they are: the default is not repaired over them', async () => {
    const { ctx, handlers } = setup();
    ctx.stores.settings.storedProblem = { code: 'newer_version', version: 9, known: 1 };
    await handlers['accounts.save']({ account: input('Main', 'key-main-123456') });
    ctx.stores.settings.storedProblem = undefined;
    expect(ctx.stores.settings.peek().defaultAccountId).toBeUndefined();
  });

  it('tests the connection only where the browser granted access, and asks for the key first', async () => {
    const ctx = fakeContext({ hasAccess: async () => false });
    const handlers = createAccountHandlers(ctx);
    await expect(handlers['accounts.test']({ account: input('Main', '') })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/API key/),
    });
    await expect(handlers['accounts.test']({ account: input('Main', 'key-main-123456') })).rejects.toMatchObject({ code: 'permission' });
  });

  it('removes an account but keeps its jobs (history)', async () => {
    const { ctx, handlers } = setup();
    const { a, b } = await twoAccounts(handlers);
    const job = {
      id: 'job1',
      kind: 'remote',
      accountId: a.id,
      url: 'https://a.example/1.mp4',
      state: 'ready',
      fileCode: 'abc',
      attempts: 0,
      createdAt: 1,
      updatedAt: 1,
    } as Job;
    await ctx.jobs.store.put(job);
    expect(await handlers['accounts.remove']({ id: a.id })).toEqual({ removed: true });
    expect(ctx.stores.accounts.peek().map((x) => x.id)).toEqual([b.id]);
    expect(ctx.stores.settings.peek().defaultAccountId).toBe(b.id);
    expect(await ctx.jobs.store.get('job1')).toMatchObject({ accountId: a.id, fileCode: 'abc' });
    expect(await handlers['accounts.remove']({ id: a.id })).toEqual({ removed: false });
  });
});
