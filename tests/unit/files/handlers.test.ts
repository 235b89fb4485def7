// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startHostSim, type HostSim } from '../../host-sim';
import { dispatch, type Handlers } from '../../../lib/background/root/router';
import { createFileHandlers } from '../../../lib/background/handlers/files';
import { createHealth } from '../../../lib/background/health/checks';
import { healthItem } from '../../../lib/background/stored/link-health';
import { accountSchema } from '../../../lib/accounts';
import type { HostId } from '../../../lib/hosts/types';
import { fakeContext, type FakeContext } from '../background/context-fakes';

// The file browser's requests, through the router (sender check + zod) to a
// real HostClient talking to the local host simulator; accounts and settings
// are in-memory stores of a fake background context. Link health keeps its
// results in (fake) browser storage: that persistence is part of what is tested.

const page = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/manager.html', origin: 'chrome-extension://test-extension-id' };
let sim: HostSim;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 0 });
});
afterAll(async () => {
  await sim?.close();
});

let ctx: FakeContext;

async function addAccount(id: string, hostId: HostId, key: string): Promise<void> {
  sim.addAccount({ hostId, key });
  const account = accountSchema.parse({ id, hostId, label: `${hostId} test`, apiBase: sim.apiBase(hostId), key });
  await ctx.stores.accounts.update((all) => [...all, account]);
}

function handlers(): Handlers {
  return createFileHandlers(ctx) as unknown as Handlers;
}

async function call<T = unknown>(type: string, payload: unknown): Promise<T> {
  const reply = await dispatch(handlers(), { vidrelay: 1, type, payload }, page);
  if (!reply?.ok) throw Object.assign(new Error(reply?.error.message), reply?.error);
  return reply.data as T;
}

async function fail(type: string, payload: unknown) {
  const reply = await dispatch(handlers(), { vidrelay: 1, type, payload }, page);
  expect(reply?.ok).toBe(false);
  return (reply as { error: { code: string; message: string } }).error;
}

let n = 0;
beforeEach(() => {
  ctx = fakeContext();
  n += 1;
});

describe('file handlers', () => {
  it('lists folders, creates and renames one, and moves files into it', async () => {
    const key = `vip-key-${n}`;
    await addAccount('a1', 'vipstream.cc', key);
    const one = sim.addFile('vipstream.cc', key, { title: 'First clip' });
    const two = sim.addFile('vipstream.cc', key, { title: 'Second clip' });

    const created = await call<{ folderId: string }>('folders.create', { accountId: 'a1', name: 'Trips' });
    await call('folders.edit', { accountId: 'a1', folderId: created.folderId, name: 'Holidays' });
    const { folders } = await call<{ folders: { name: string; folderId: string }[] }>('folders.list', { accountId: 'a1' });
    expect(folders.map((f) => f.name)).toContain('Holidays');

    await call('files.move', { accountId: 'a1', codes: [one.code, two.code], folderId: created.folderId });
    const inFolder = await call<{ files: { fileCode: string; links: { watch: string } }[] }>('files.list', {
      accountId: 'a1',
      query: { folderId: created.folderId },
    });
    expect(inFolder.files.map((f) => f.fileCode).sort()).toEqual([one.code, two.code].sort());
    expect(inFolder.files[0].links.watch).toContain(inFolder.files[0].fileCode);
  });

  it('renames a file and filters the list by title', async () => {
    const key = `vip-key-${n}`;
    await addAccount('a2', 'vipstream.cc', key);
    const file = sim.addFile('vipstream.cc', key, { title: 'Old name' });
    sim.addFile('vipstream.cc', key, { title: 'Unrelated' });
    await call('files.edit', { accountId: 'a2', codes: [file.code], changes: { title: 'New name' } });
    const list = await call<{ files: { title?: string }[] }>('files.list', { accountId: 'a2', query: { title: 'new' } });
    expect(list.files.map((f) => f.title)).toEqual(['New name']);
  });

  it('reports what each host can do, including which fields it edits', async () => {
    await addAccount('a3', 'mp4upload.com', `mp4-key-${n}`);
    const caps = await call<{ capabilities: string[]; editFields: string[]; adultFlag: boolean }>('account.capabilities', { accountId: 'a3' });
    expect(caps.capabilities).toContain('moveFiles');
    expect(caps.capabilities).not.toContain('deleteFiles');
    expect(caps.editFields).toEqual(['title']);
    expect(caps.adultFlag).toBe(false);
  });

  it('rejects an action the host lacks with "unsupported" and sends nothing', async () => {
    await addAccount('a4', 'vipstream.cc', `vip-key-${n}`);
    const before = sim.requests.length;
    const error = await fail('files.delete', { accountId: 'a4', codes: ['abc123'] });
    expect(error.code).toBe('unsupported');
    expect(sim.requests.length).toBe(before);
  });

  it('refuses malformed input before reaching the host', async () => {
    await addAccount('a5', 'vipstream.cc', `vip-key-${n}`);
    const before = sim.requests.length;
    expect((await fail('files.move', { accountId: 'a5', codes: [], folderId: '1' })).code).toBe('invalid_input');
    expect((await fail('files.edit', { accountId: 'a5', codes: ['x'], changes: {} })).message).toMatch(/at least one change/);
    expect((await fail('files.info', { accountId: 'a5', codes: ['../../etc'] })).code).toBe('invalid_input');
    expect((await fail('folders.edit', { accountId: 'a5', folderId: '7', parentId: '7' })).message).toMatch(/into itself/);
    expect(sim.requests.length).toBe(before);
  });

  it('asks for host access before any request when the browser has not granted it', async () => {
    ctx = fakeContext({ hasAccess: async () => false });
    await addAccount('a0', 'vipstream.cc', `vip-key-${n}`);
    const before = sim.requests.length;
    const error = await fail('files.list', { accountId: 'a0', query: {} });
    expect(error).toMatchObject({ code: 'permission', message: expect.stringMatching(/Grant access/) });
    expect(sim.requests.length).toBe(before);
  });

  it('says which account is gone', async () => {
    const error = await fail('files.list', { accountId: 'nope', query: {} });
    expect(error.code).toBe('not_found');
  });

  it('clones a file and returns the copy with its links', async () => {
    const key = `vip-key-${n}`;
    await addAccount('a6', 'vipstream.cc', key);
    const file = sim.addFile('vipstream.cc', key, { title: 'Source' });
    const clone = await call<{ fileCode: string; links: { watch: string } }>('files.clone', { accountId: 'a6', code: file.code, title: 'Copy' });
    expect(clone.fileCode).not.toBe(file.code);
    expect(clone.links.watch).toContain(clone.fileCode);
  });

  it('gives direct links per quality and HLS where the host has them', async () => {
    const key = `wvn-key-${n}`;
    await addAccount('a7', 'watching.vn', key);
    const file = sim.addFile('watching.vn', key, { title: 'Direct' });
    const links = await call<{ versions: { quality: string }[]; hls?: string }>('files.directLinks', { accountId: 'a7', code: file.code, hls: true });
    expect(links.versions.map((v) => v.quality)).toEqual(['n', 'h', 'l', 'o']);
    expect(links.hls).toMatch(/master\.m3u8$/);
  });

  it('answers the account views: stats, encodings, deleted and DMCA', async () => {
    const key = `vip-key-${n}`;
    await addAccount('a8', 'vipstream.cc', key);
    const stats = await call<{ day: string; views: number }[]>('account.stats', { accountId: 'a8', days: 7 });
    expect(stats.length).toBeGreaterThan(0);
    expect(typeof stats[0].views).toBe('number');
    expect(Array.isArray(await call('account.encodings', { accountId: 'a8' }))).toBe(true);
    expect(Array.isArray(await call('account.deleted', { accountId: 'a8' }))).toBe(true);
    const dmca = await call<{ fileCode: string }[]>('account.dmca', { accountId: 'a8' });
    expect(dmca).toHaveLength(1);
  });

  it('keeps a default link format per account and overall', async () => {
    await addAccount('a9', 'vipstream.cc', `vip-key-${n}`);
    await call('links.setDefault', { accountId: 'a9', format: 'bbcode' });
    const settings = await call<{ format: string; perAccount: Record<string, string> }>('links.setDefault', {
      format: 'markdown',
      template: '{title}: {watch}',
    });
    expect(settings).toMatchObject({ format: 'markdown', perAccount: { a9: 'bbcode' } });
    expect(ctx.stores.settings.peek()).toMatchObject({ linkFormat: 'markdown', linkTemplate: '{title}: {watch}' });
    expect(ctx.stores.accounts.peek().find((a) => a.id === 'a9')?.defaults.linkFormat).toBe('bbcode');
    expect((await fail('links.setDefault', { format: 'rtf' })).code).toBe('invalid_input');
    expect((await fail('links.setDefault', { accountId: 'gone', format: 'html' })).code).toBe('not_found');
    expect(await call('settings.links', {})).toEqual(settings);
  });
});

describe('link health', () => {
  it('marks missing, deleted and DMCA files, counts them on the badge once, and clears it when seen', async () => {
    const key = `media-key-${n}`;
    await addAccount('h1', 'media.cm', key);
    const fine = sim.addFile('media.cm', key, { title: 'Fine' });
    const doomed = sim.addFile('media.cm', key, { title: 'Doomed' });
    await call('files.delete', { accountId: 'h1', codes: [doomed.code] });
    const vipKey = `vip-key-${n}`;
    await addAccount('h2', 'vipstream.cc', vipKey);
    const [dmca] = await call<{ fileCode: string }[]>('account.dmca', { accountId: 'h2' });

    const targets = [
      { accountId: 'h1', code: fine.code },
      { accountId: 'h1', code: doomed.code },
      { accountId: 'h1', code: 'neverwas01' },
      { accountId: 'h2', code: dmca.fileCode },
    ];
    const snapshot = await call<{ entries: { code: string; status: string }[]; unseen: number }>('health.check', { source: 'files', targets });
    const status = Object.fromEntries(snapshot.entries.map((e) => [e.code, e.status]));
    expect(status).toEqual({ [fine.code]: 'ok', [doomed.code]: 'deleted', neverwas01: 'missing', [dmca.fileCode]: 'dmca' });
    expect(snapshot.unseen).toBe(3);
    expect(await ctx.badgeText()).toBe('3');

    // The same problems found again are not new.
    expect((await call<{ unseen: number }>('health.check', { source: 'files', targets })).unseen).toBe(3);
    expect((await call<{ unseen: number }>('health.seen', {})).unseen).toBe(0);
    expect(await ctx.badgeText()).toBe('');
    const stored = await healthItem.get();
    expect(Object.keys(stored.entries)).toHaveLength(4);
  });

  it('keeps what it knew when the host cannot be reached', async () => {
    const key = `media-key-${n}`;
    await addAccount('h3', 'media.cm', key);
    const target = { accountId: 'h3', code: 'gone000001' };
    await call('health.check', { source: 'files', targets: [target] });
    sim.fault({ kind: 'status', status: 400, hostId: 'media.cm' });
    try {
      const snapshot = await call<{ entries: { status: string }[]; last: { unknown: number } }>('health.check', { source: 'files', targets: [target] });
      expect(snapshot.entries[0].status).toBe('missing');
      expect(snapshot.last.unknown).toBe(1);
    } finally {
      sim.clearFaults();
    }
  });

  it('skips and reports the daily check while stored link health cannot be read: no host asked, nothing written, no rejection', async () => {
    const key = `media-key-${n}`;
    await addAccount('h4', 'media.cm', key);
    const target = { accountId: 'h4', code: 'gone000002' };
    const unreadable = { version: 7, data: { entries: { 'h4:gone000002': { status: 'deleted', checkedAt: 1, note: 'from a newer build' } }, unseen: 1 } };
    await fakeBrowser.storage.local.set({ linkHealth: unreadable });
    const asked: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const clientFor = async (id: string) => {
      asked.push(id);
      return ctx.accounts.clientFor(id);
    };
    const health = createHealth({ item: healthItem, clientFor, historyTargets: async () => [target] });

    await expect(health.scheduledCheck()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('daily link health check skipped'));
    expect(warn.mock.calls.flat().join(' ')).toContain('format 7');
    await expect(health.checkHistory()).rejects.toMatchObject({ code: 'storage_unreadable' });
    expect(asked).toEqual([]);
    expect((await fakeBrowser.storage.local.get('linkHealth')).linkHealth).toEqual(unreadable);

    // Other failures are reported by code only, and the alarm still resolves.
    const failing = createHealth({ item: healthItem, clientFor: ctx.accounts.clientFor, historyTargets: async () => Promise.reject(new Error(`boom ${key}`)) });
    await fakeBrowser.storage.local.remove('linkHealth');
    await expect(failing.scheduledCheck()).resolves.toBeUndefined();
    expect(warn).toHaveBeenLastCalledWith('VidRelay: daily link health check failed (unexpected error); the next one tries again.');

    // Once the entry is gone (the user removed it), the daily check runs again.
    await expect(health.scheduledCheck()).resolves.toMatchObject({ entries: [{ code: 'gone000002', status: 'missing' }] });
    expect(asked).toEqual(['h4']);
    warn.mockRestore();
  });
});
