import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMenuClick, type MenuDeps } from '../../../lib/background/menu-click';
import type { Job } from '../../../lib/queue/job';

let sent: { accountIds: string[]; url: string }[];
let notes: { title: string; message: string }[];

function deps(found: string[] = []): MenuDeps {
  const job = (url: string) => ({ id: `job-${sent.length}`, url }) as Job;
  return {
    queue: {
      enqueueRemote: async (accountId, url) => {
        sent.push({ accountIds: [accountId], url });
        return job(url);
      },
      enqueueMirror: async (accountIds, url) => {
        sent.push({ accountIds, url });
        return job(url);
      },
    },
    enabledAccountIds: async () => ['a', 'b'],
    labelOf: async (id) => `Account ${id}`,
    findInTab: async () => found,
  };
}

beforeEach(() => {
  sent = [];
  notes = [];
  fakeBrowser.notifications.onClosed.addListener(() => undefined);
  const create = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
  fakeBrowser.notifications.create = (async (id: string, options: { title: string; message: string }) => {
    notes.push({ title: options.title, message: options.message });
    return create(id, options as never);
  }) as never;
});

describe('handleMenuClick', () => {
  it('sends the clicked video source to the chosen account', async () => {
    await handleMenuClick({ menuItemId: 'account:a', srcUrl: 'https://cdn.example/v.mp4', pageUrl: 'https://site.example/' }, 1, deps());
    expect(sent).toEqual([{ accountIds: ['a'], url: 'https://cdn.example/v.mp4' }]);
    expect(notes[0].title).toBe('Sending to Account a');
  });

  it('refuses a blob: source with a notification that says why, when the page holds nothing', async () => {
    const jobs = await handleMenuClick({ menuItemId: 'account:a', srcUrl: 'blob:https://site.example/1' }, 1, deps([]));
    expect(jobs).toEqual([]);
    expect(sent).toEqual([]);
    expect(notes[0].message).toMatch(/blob:/);
  });

  it('looks in the page when the video is a blob: stream', async () => {
    await handleMenuClick({ menuItemId: 'account:a', srcUrl: 'blob:https://site.example/1', pageUrl: 'https://site.example/' }, 1, deps(['https://cdn.example/real.mp4']));
    expect(sent).toEqual([{ accountIds: ['a'], url: 'https://cdn.example/real.mp4' }]);
  });

  it('looks in the page on a page click and falls back to the page URL', async () => {
    await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'https://site.example/watch' }, 1, deps([]));
    expect(sent).toEqual([{ accountIds: ['a'], url: 'https://site.example/watch' }]);
  });

  it('sends each URL of a selection', async () => {
    await handleMenuClick({ menuItemId: 'account:b', selectionText: 'https://a.example/1.mp4 and https://a.example/2.mp4' }, 1, deps());
    expect(sent.map((s) => s.url)).toEqual(['https://a.example/1.mp4', 'https://a.example/2.mp4']);
  });

  it('mirrors to every enabled account', async () => {
    await handleMenuClick({ menuItemId: 'mirror:all', srcUrl: 'https://cdn.example/v.mp4' }, 1, deps());
    expect(sent).toEqual([{ accountIds: ['a', 'b'], url: 'https://cdn.example/v.mp4' }]);
  });
});
