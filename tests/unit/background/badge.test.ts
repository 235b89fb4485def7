import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeView, createBadge, uploadSummary, uploadTracker } from '../../../lib/background/jobs/badge';
import { openWelcomeOnInstall } from '../../../lib/background/root/first-run';
import type { Job } from '../../../lib/queue/model/job';

const job = (over: Partial<Job>): Job =>
  ({ id: 'j', kind: 'file', accountId: 'a', state: 'uploading', createdAt: 1, updatedAt: 1, attempts: 0, options: {}, ...over }) as Job;

describe('toolbar badge', () => {
  it('counts uploads and relays on their way, with their bytes, and nothing else', () => {
    const summary = uploadSummary([
      job({ id: '1', bytesSent: 50, bytesTotal: 100 }),
      job({ id: '2', kind: 'relay', state: 'sending', bytesTotal: 300 }),
      job({ id: '3', state: 'queued', bytesTotal: 999 }),
      job({ id: '4', kind: 'remote', state: 'sending' }),
      job({ id: '5', state: 'ready', bytesSent: 10, bytesTotal: 10 }),
    ]);
    expect(summary).toEqual({ running: 2, bytesSent: 50, bytesTotal: 400 });
    expect(badgeView(summary, 3)).toEqual({ text: '2', color: '#2563eb', title: '2 uploads running: 12% (50 bytes of 400 bytes)' });
  });

  it('follows changed jobs only: an upload that ends or is removed leaves the count', () => {
    const tracker = uploadTracker();
    expect(tracker.apply([job({ id: '1', bytesTotal: 10 }), job({ id: '2', bytesTotal: 30 })]).running).toBe(2);
    expect(tracker.apply([job({ id: '1', state: 'encoding' })])).toEqual({ running: 1, bytesSent: 0, bytesTotal: 30 });
    expect(tracker.apply([], ['2']).running).toBe(0);
  });

  it('shows link problems once no upload runs, and clears when there is nothing to say', () => {
    const idle = { running: 0, bytesSent: 0, bytesTotal: 0 };
    expect(badgeView(idle, 1)).toMatchObject({ text: '1', title: '1 link problem found: open History' });
    expect(badgeView({ running: 1, bytesSent: 0, bytesTotal: 0 }, 0).title).toBe('1 upload running: 0% (0 bytes of 0 bytes)');
    expect(badgeView(idle, 0)).toEqual({ text: '', title: 'VidRelay' });
  });

  it('is one owner: uploads take the badge over and hand it back to the health count', async () => {
    const badge = createBadge(fakeBrowser.action);
    await badge.setProblems(4);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
    await badge.setUploads({ running: 3, bytesSent: 1, bytesTotal: 2 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toBe('3 uploads running: 50% (1 byte of 2 bytes)');
    await badge.setProblems(5);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    await badge.setUploads({ running: 0, bytesSent: 0, bytesTotal: 0 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
  });
});

describe('toolbar badge in a new worker', () => {
  const idle = { running: 0, bytesSent: 0, bytesTotal: 0 };
  const drawn = () => {
    const calls: string[] = [];
    const action = {
      setBadgeText: async ({ text }: { text: string }) => void calls.push(text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    };
    return { calls, action };
  };

  it('leaves the badge the browser kept, and reads no link-health count, while no upload runs', async () => {
    const { calls, action } = drawn();
    const count = vi.fn(async () => 7);
    const badge = createBadge(action, count);
    await badge.resume(idle);
    expect(calls).toEqual([]);
    expect(count).not.toHaveBeenCalled();
  });

  it('draws running uploads at once, and reads the stored count once, when they end', async () => {
    const { calls, action } = drawn();
    const count = vi.fn(async () => 7);
    const badge = createBadge(action, count);
    await badge.resume({ running: 2, bytesSent: 0, bytesTotal: 10 });
    expect(calls).toEqual(['2']);
    expect(count).not.toHaveBeenCalled();
    await badge.setUploads(idle);
    await badge.setUploads({ running: 1, bytesSent: 0, bytesTotal: 10 });
    await badge.setUploads(idle);
    expect(calls).toEqual(['2', '7', '1', '7']);
    expect(count).toHaveBeenCalledTimes(1);
  });

  it("tells the browser only what changed: an upload's progress changes the tooltip alone", async () => {
    const asked: string[] = [];
    const action = {
      setBadgeText: async ({ text }: { text: string }) => void asked.push(`text ${text}`),
      setBadgeBackgroundColor: async ({ color }: { color: string }) => void asked.push(`color ${color}`),
      setTitle: async ({ title }: { title: string }) => void asked.push(`title ${title}`),
    };
    const badge = createBadge(action, async () => 0);
    await badge.setUploads({ running: 1, bytesSent: 0, bytesTotal: 100 });
    expect(asked).toEqual(['text 1', 'color #2563eb', 'title 1 upload running: 0% (0 bytes of 100 bytes)']);
    asked.length = 0;
    await badge.setUploads({ running: 1, bytesSent: 50, bytesTotal: 100 });
    expect(asked).toEqual(['title 1 upload running: 50% (50 bytes of 100 bytes)']);
    asked.length = 0;
    await badge.setUploads({ running: 2, bytesSent: 50, bytesTotal: 100 });
    expect(asked).toEqual(['text 2', 'title 2 uploads running: 50% (50 bytes of 100 bytes)']);
  });

  it('takes a count it is given over reading one, and shows 0 when the stored count cannot be read', async () => {
    const given = drawn();
    const count = vi.fn(async () => 7);
    const badge = createBadge(given.action, count);
    await badge.setProblems(3);
    await badge.setUploads(idle);
    expect(given.calls.at(-1)).toBe('3');
    expect(count).not.toHaveBeenCalled();
    const broken = drawn();
    await createBadge(broken.action, async () => Promise.reject(new Error('unreadable'))).setUploads(idle);
    expect(broken.calls).toEqual(['']);
  });
});

describe('first run', () => {
  it('opens the welcome page on install only, and only with no account stored', async () => {
    const none = async () => false;
    const before = (await fakeBrowser.tabs.query({})).length;
    await openWelcomeOnInstall({ reason: 'update' }, none);
    await openWelcomeOnInstall({ reason: 'install' }, async () => true);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
    await openWelcomeOnInstall({ reason: 'install' }, none);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.slice(before).map((tab) => tab.url)).toEqual([expect.stringMatching(/\/welcome\.html$/)]);
  });
});
