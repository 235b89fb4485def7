import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMenuClick, noVideoMessage, sendToTarget, type MenuDeps } from '../../../lib/background/send-to-host/menu-click';
import { AppError } from '../../../lib/errors';
import type { FoundVideo } from '../../../lib/media';
import { findLimits } from '../../../lib/media/types';
import type { Job } from '../../../lib/queue/model/job';
import type { JobGroup } from '../../../lib/queue/model/group';
import type { RelayExtra } from '../../../lib/queue/runner/api';
import { readStreams, type FetchText } from '../../../lib/media/read-streams';

let sent: { accountIds: string[]; url: string; options?: unknown }[];
let notes: { title: string; message: string }[];
let searched: { tabId: number; frameId?: number }[];
let picked: { candidates: FoundVideo[]; target: string; pageUrl?: string }[];

const file = (url: string, source: FoundVideo['source'] = 'link'): FoundVideo => ({ url, kind: 'file', source });

function deps(found: FoundVideo[] | Error = [], extra: Partial<MenuDeps> = {}): MenuDeps {
  const job = (url: string) => ({ id: `job-${sent.length}`, url }) as Job;
  return {
    queue: {
      enqueueRemote: async (accountId, url, options) => {
        sent.push({ accountIds: [accountId], url, options });
        return job(url);
      },
      enqueueMirror: async (accountIds, url) => {
        sent.push({ accountIds, url });
        return { ...job(url), kind: 'mirror' } as unknown as JobGroup;
      },
    },
    enabledAccountIds: async () => ['a', 'b'],
    labelOf: async (id) => `Account ${id}`,
    findInTab: async (tabId, frameId) => {
      searched.push({ tabId, frameId });
      if (found instanceof Error) throw found;
      return found;
    },
    openPicker: async (choice) => void picked.push(choice),
    ...extra,
  };
}

// Kept once: reset() leaves replaced methods in place, so wrapping the current one would stack.
const originalCreate = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);

beforeEach(() => {
  sent = [];
  notes = [];
  searched = [];
  picked = [];
  fakeBrowser.notifications.create = (async (id: string, options: { title: string; message: string }) => {
    notes.push({ title: options.title, message: options.message });
    return originalCreate(id, options as never);
  }) as never;
});

describe('handleMenuClick', () => {
  it('sends the clicked video source to the chosen account without looking in the page', async () => {
    await handleMenuClick({ menuItemId: 'account:a', srcUrl: 'https://cdn.example/v.mp4', pageUrl: 'https://site.example/' }, 1, deps());
    expect(sent).toEqual([{ accountIds: ['a'], url: 'https://cdn.example/v.mp4', options: undefined }]);
    expect(searched).toEqual([]);
    expect(notes[0].title).toBe('Sending to Account a');
  });

  it('applies the account defaults to a single-account send', async () => {
    await handleMenuClick(
      { menuItemId: 'account:a', srcUrl: 'https://cdn.example/v.mp4' },
      1,
      deps([], { optionsFor: async () => ({ folderId: '7', tags: 'clips' }) }),
    );
    expect(sent[0].options).toEqual({ folderId: '7', tags: 'clips' });
  });

  it('refuses a blob: source with a notification that says why, when the page holds nothing', async () => {
    const jobs = await handleMenuClick({ menuItemId: 'account:a', srcUrl: 'blob:https://site.example/1', frameId: 3 }, 1, deps([]));
    expect(jobs).toEqual([]);
    expect(sent).toEqual([]);
    expect(searched).toEqual([
      { tabId: 1, frameId: 3 },
      { tabId: 1, frameId: undefined },
    ]);
    expect(notes[0].title).toBe('Nothing sent');
    expect(notes[0].message).toMatch(/blob:/);
  });

  it('looks in the clicked frame when the video is a blob: stream, and sends the one it finds', async () => {
    await handleMenuClick(
      { menuItemId: 'account:a', srcUrl: 'blob:https://site.example/1', pageUrl: 'https://site.example/', frameId: 0 },
      1,
      deps([file('https://cdn.example/real.mp4', 'og:video')]),
    );
    expect(searched).toEqual([{ tabId: 1, frameId: 0 }]);
    expect(sent).toEqual([{ accountIds: ['a'], url: 'https://cdn.example/real.mp4', options: undefined }]);
  });

  it('widens the search to every frame when the clicked frame holds nothing', async () => {
    const d = deps([]);
    d.findInTab = async (tabId, frameId) => {
      searched.push({ tabId, frameId });
      return frameId === undefined ? [file('https://cdn.example/top.mp4', 'og:video')] : [];
    };
    await handleMenuClick({ menuItemId: 'account:a', srcUrl: 'blob:https://player.example/9', frameId: 5 }, 2, d);
    expect(searched).toEqual([
      { tabId: 2, frameId: 5 },
      { tabId: 2, frameId: undefined },
    ]);
    expect(sent.map((s) => s.url)).toEqual(['https://cdn.example/top.mp4']);
  });

  it('searches every frame on a page click', async () => {
    await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'https://site.example/watch', frameId: 0 }, 9, deps([file('https://cdn.example/a.mp4')]));
    expect(searched).toEqual([{ tabId: 9, frameId: undefined }]);
    expect(sent.map((s) => s.url)).toEqual(['https://cdn.example/a.mp4']);
  });

  it('says so, and sends nothing (not the page URL), when the page holds no video', async () => {
    const jobs = await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'https://site.example/watch' }, 1, deps([]));
    expect(jobs).toEqual([]);
    expect(sent).toEqual([]);
    expect(notes).toEqual([{ title: 'Nothing sent', message: noVideoMessage }]);
  });

  it('opens the picker with every candidate when the page holds several', async () => {
    const found = [file('https://cdn.example/1.mp4'), { url: 'https://cdn.example/2.m3u8', kind: 'hls', source: 'resource' } as FoundVideo];
    const jobs = await handleMenuClick({ menuItemId: 'mirror:all', pageUrl: 'https://site.example/list' }, 1, deps(found));
    expect(jobs).toEqual([]);
    expect(sent).toEqual([]);
    expect(picked).toEqual([{ candidates: found, target: 'mirror:all', pageUrl: 'https://site.example/list' }]);
  });

  it('never sends a player page on its own: one embed goes to the picker, and is dropped when files exist', async () => {
    const embed: FoundVideo = { url: 'https://player.example/e/1', kind: 'embed', source: 'iframe' };
    await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'https://site.example/' }, 1, deps([embed]));
    expect(sent).toEqual([]);
    expect(picked[0].candidates).toEqual([embed]);

    await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'https://site.example/' }, 1, deps([file('https://cdn.example/x.mp4'), embed]));
    expect(sent.map((s) => s.url)).toEqual(['https://cdn.example/x.mp4']);
  });

  it('tells the user when the page cannot be scripted', async () => {
    const error = new AppError('unsupported', 'VidRelay cannot look into this page.');
    await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'chrome://settings' }, 1, deps(error));
    expect(sent).toEqual([]);
    expect(notes[0].message).toBe('VidRelay cannot look into this page.');
  });

  it('sends the one URL of a selection, without looking in the page', async () => {
    await handleMenuClick({ menuItemId: 'account:b', selectionText: 'see https://a.example/1.mp4 here' }, 1, deps());
    expect(sent.map((s) => s.url)).toEqual(['https://a.example/1.mp4']);
    expect(searched).toEqual([]);
  });

  it('hands several URLs of a selection to the picker instead of sending them all', async () => {
    await handleMenuClick(
      { menuItemId: 'account:b', selectionText: 'https://a.example/1.mp4 and https://a.example/2.m3u8', pageUrl: 'https://p.example/' },
      1,
      deps(),
    );
    expect(sent).toEqual([]);
    expect(picked).toEqual([
      {
        candidates: [
          { url: 'https://a.example/1.mp4', kind: 'file', source: 'link' },
          { url: 'https://a.example/2.m3u8', kind: 'hls', source: 'link' },
        ],
        target: 'account:b',
        pageUrl: 'https://p.example/',
      },
    ]);
  });

  it('takes the clicked video over a selection on the page', async () => {
    await handleMenuClick({ menuItemId: 'account:b', srcUrl: 'https://cdn.example/clicked.mp4', selectionText: 'https://a.example/1.mp4' }, 1, deps());
    expect(sent.map((s) => s.url)).toEqual(['https://cdn.example/clicked.mp4']);
  });

  it('lists at most findLimits.perTab URLs of a selection of 50,000', async () => {
    const selection = Array.from({ length: 50_000 }, (_, i) => `https://a.example/${i}.mp4`).join(' ');
    await handleMenuClick({ menuItemId: 'account:b', selectionText: selection }, 1, deps());
    expect(sent).toEqual([]);
    expect(picked[0].candidates.length).toBeLessThanOrEqual(findLimits.perTab);
    expect(picked[0].candidates.length).toBeGreaterThan(1);
  });

  it('mirrors each URL to every enabled account', async () => {
    await handleMenuClick({ menuItemId: 'mirror:all', srcUrl: 'https://cdn.example/v.mp4' }, 1, deps());
    expect(sent).toEqual([{ accountIds: ['a', 'b'], url: 'https://cdn.example/v.mp4' }]);
    expect(notes[0].title).toBe('Sending to all accounts (mirror)');
  });

  it('leaves hosts without remote upload out of the mirror, and refuses them as a single target before queueing', async () => {
    const noRemote = deps([], {
      remoteAccountIds: async () => ['a'],
      checkRemote: async (id) => {
        if (id === 'b') throw new AppError('unsupported', 'mp4upload.com has no remote upload. Use "Relay through VidRelay".');
      },
    });
    await handleMenuClick({ menuItemId: 'mirror:all', srcUrl: 'https://cdn.example/v.mp4' }, 1, noRemote);
    expect(sent).toEqual([{ accountIds: ['a'], url: 'https://cdn.example/v.mp4' }]);
    expect(await handleMenuClick({ menuItemId: 'account:b', srcUrl: 'https://cdn.example/v.mp4' }, 1, noRemote)).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(notes.at(-1)).toEqual({ title: 'Not sent', message: 'mp4upload.com has no remote upload. Use "Relay through VidRelay".' });
  });

  it('ignores menu items that are not send targets', async () => {
    expect(await handleMenuClick({ menuItemId: 'send-to-host', srcUrl: 'https://cdn.example/v.mp4' }, 1, deps())).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('tells the user when the queue refuses the job', async () => {
    const failing = deps([], {
      queue: {
        enqueueRemote: async () => {
          throw new AppError('invalid_input', 'Hosts can only fetch http:// or https:// links.');
        },
        enqueueMirror: async () => {
          throw new Error('boom');
        },
      },
    });
    expect(await handleMenuClick({ menuItemId: 'account:a', srcUrl: 'https://cdn.example/v.mp4' }, 1, failing)).toEqual([]);
    expect(notes[0]).toEqual({ title: 'Not sent', message: 'Hosts can only fetch http:// or https:// links.' });
  });
});

describe('sendToTarget', () => {
  it('rejects a target that is not an account or the mirror', async () => {
    await expect(sendToTarget('send-to-host', ['https://a.example/1.mp4'], deps())).rejects.toMatchObject({ code: 'invalid_input' });
    expect(sent).toEqual([]);
  });
});

describe('Send to host with streams (issue 24)', () => {
  const master = 'https://cdn.example/film/master.m3u8';
  const playlists: Record<string, string> = {
    [master]: [
      '#EXTM3U',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="en",URI="audio/en.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=2400000,RESOLUTION=1280x720',
      '720/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=6800000,RESOLUTION=1920x1080',
      '1080/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=9000000,RESOLUTION=1920x1080,AUDIO="aud"',
      '1080a/index.m3u8',
    ].join('\n'),
    'https://cdn.example/film/1080/index.m3u8': [
      '#EXTM3U',
      '#EXT-X-TARGETDURATION:10',
      ...Array.from({ length: 100 }, (_, i) => `#EXTINF:10,\ns${i}.ts`),
      '#EXT-X-ENDLIST',
    ].join('\n'),
    'https://cdn.example/clip/index.m3u8': ['#EXTM3U', '#EXT-X-TARGETDURATION:4', '#EXTINF:4,', 'a.ts', '#EXT-X-ENDLIST'].join('\n'),
    'https://cdn.example/live/index.m3u8': ['#EXTM3U', '#EXT-X-TARGETDURATION:4', '#EXTINF:4,', 'a.ts'].join('\n'),
  };
  const fetchText: FetchText = async (url) => playlists[url];
  let relayed: { accountId: string; url: string; extra?: RelayExtra }[];
  let read: { tabId: number; frameId?: number }[];
  const hls = (url: string): FoundVideo => ({ url, kind: 'hls', source: 'resource' });

  function streamDeps(found: FoundVideo[], route: (id: string) => 'remote' | 'relay' = () => 'relay'): MenuDeps {
    const d = deps(found, {
      readStreams: async (items, tabId, frameId) => {
        read.push({ tabId, frameId });
        return readStreams(items, fetchText);
      },
      streamRoute: async (id) => route(id),
      checkRemote: async () => {
        throw new AppError('unsupported', 'This host has no remote upload.');
      },
    });
    d.queue.enqueueRelay = async (accountId, url, _options, extra) => {
      relayed.push({ accountId, url, extra });
      return { id: `relay-${relayed.length}`, url } as Job;
    };
    return d;
  }

  beforeEach(() => {
    relayed = [];
    read = [];
  });

  it('offers a blob: player’s master playlist as its qualities in the picker, best first, the refused one kept', async () => {
    const jobs = await handleMenuClick(
      { menuItemId: 'account:a', srcUrl: 'blob:https://site.example/1', frameId: 2, pageUrl: 'https://site.example/watch/42' },
      1,
      streamDeps([hls(master)]),
    );
    expect(jobs).toEqual([]);
    expect(read).toEqual([{ tabId: 1, frameId: 2 }]);
    expect(picked[0].candidates.map((c) => [c.url.replace('https://cdn.example/film/', ''), c.stream?.height, c.stream?.bytes, c.stream?.refused])).toEqual([
      ['1080/index.m3u8', 1080, 850_000_000, undefined],
      ['720/index.m3u8', 720, 300_000_000, undefined],
      ['1080a/index.m3u8', 1080, 1_125_000_000, 'separate_audio'],
    ]);
    expect(sent).toEqual([]);
  });

  it('relays a single media playlist at once, as a stream job with its title, never as a remote upload', async () => {
    const jobs = await handleMenuClick(
      { menuItemId: 'account:a', pageUrl: 'https://site.example/clips/sunset' },
      1,
      streamDeps([hls('https://cdn.example/clip/index.m3u8')]),
    );
    expect(jobs).toHaveLength(1);
    expect(sent).toEqual([]);
    expect(relayed).toEqual([{ accountId: 'a', url: 'https://cdn.example/clip/index.m3u8', extra: { title: 'sunset', stream: 'hls' } }]);
  });

  it('offers a stream on a site VidRelay may not download from yet in the picker (whose Send asks for it), instead of queueing a relay that must fail', async () => {
    const clip = 'https://cdn.example/clip/index.m3u8';
    const asked: string[] = [];
    const allowing = (allowed: boolean, route: 'remote' | 'relay' = 'relay') => {
      const d = streamDeps([hls(clip)], () => route);
      d.checkRemote = async () => undefined;
      d.mayDownload = async (url) => {
        asked.push(url);
        return allowed;
      };
      return d;
    };
    await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'https://site.example/clips/sunset' }, 1, allowing(false));
    expect(asked).toEqual([clip]);
    expect(relayed).toEqual([]);
    expect(picked.map((p) => [p.target, p.candidates.map((c) => c.url)])).toEqual([['account:a', [clip]]]);
    await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'https://site.example/clips/sunset' }, 1, allowing(true));
    expect(relayed.map((r) => r.url)).toEqual([clip]);
    // A host that fetches the playlist itself needs no access of VidRelay's.
    await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'https://site.example/clips/sunset' }, 1, allowing(false, 'remote'));
    expect(sent.map((s) => s.url)).toEqual([clip]);
    expect(picked).toHaveLength(1);
  });

  it('sends a stream as a remote upload where the account’s host takes playlists', async () => {
    const d = streamDeps([hls('https://cdn.example/clip/index.m3u8')], () => 'remote');
    d.checkRemote = async () => undefined;
    await handleMenuClick({ menuItemId: 'account:a', pageUrl: 'https://site.example/x' }, 1, d);
    expect(relayed).toEqual([]);
    expect(sent.map((s) => s.url)).toEqual(['https://cdn.example/clip/index.m3u8']);
  });

  it('refuses a live stream before anything is downloaded or queued, with the reason in plain words', async () => {
    const jobs = await handleMenuClick(
      { menuItemId: 'account:a', pageUrl: 'https://site.example/live' },
      1,
      streamDeps([hls('https://cdn.example/live/index.m3u8')]),
    );
    expect(jobs).toEqual([]);
    expect([...sent, ...relayed, ...picked]).toEqual([]);
    expect(notes).toEqual([{ title: 'Nothing sent', message: expect.stringMatching(/live/i) }]);
  });

  it('relays the quality picked, with its estimate and quality in the title; refuses a refused one without queueing', async () => {
    const [best, , refused] = await readStreams([hls(master)], fetchText);
    const d = streamDeps([]);
    await sendToTarget('account:a', [best.url], d, { found: [best, refused], pageUrl: 'https://site.example/watch/film-night' });
    expect(relayed).toEqual([{ accountId: 'a', url: best.url, extra: { title: 'film-night (1080p)', stream: 'hls', bytesTotal: 850_000_000 } }]);
    await expect(sendToTarget('account:a', [refused.url], d, { found: [best, refused] })).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/separate track/),
    });
    expect(relayed).toHaveLength(1);
  });

  it('mirrors a stream to each account its own way, leaving out one that can take it neither way', async () => {
    const d = streamDeps([], (id) => {
      if (id === 'b') throw new AppError('unsupported', 'no uploads');
      return 'relay';
    });
    d.enabledAccountIds = async () => ['a', 'b', 'c'];
    const jobs = await sendToTarget('mirror:all', ['https://cdn.example/clip/index.m3u8'], d);
    expect(jobs).toHaveLength(2);
    expect(relayed.map((r) => r.accountId)).toEqual(['a', 'c']);
    expect(sent).toEqual([]);
  });
});

describe('sendToTarget with a stream never read', () => {
  it('reads it before queueing: a master becomes its best quality, named in the title; an unreadable one is refused', async () => {
    const relayed: { url: string; extra?: RelayExtra }[] = [];
    const d = deps([], {
      streamRoute: async () => 'relay',
      streamToRelay: async (url) => {
        if (url.includes('gone')) throw new AppError('network', 'VidRelay could not read this playlist from cdn.example.');
        return { url: 'https://cdn.example/show/720/index.m3u8', title: 'show (720p)', bytes: 5000, height: 720 };
      },
    });
    d.queue.enqueueRelay = async (_id, url, _options, extra) => {
      relayed.push({ url, extra });
      return { id: 'r1', url } as Job;
    };
    await sendToTarget('account:a', ['https://cdn.example/show/master.m3u8'], d, {
      found: [{ url: 'https://cdn.example/show/master.m3u8', kind: 'hls', source: 'resource' }],
      pageUrl: 'https://site.example/v/trailer',
    });
    expect(relayed).toEqual([{ url: 'https://cdn.example/show/720/index.m3u8', extra: { title: 'trailer (720p)', stream: 'hls', bytesTotal: 5000 } }]);
    await expect(sendToTarget('account:a', ['https://cdn.example/gone.m3u8'], d)).rejects.toMatchObject({ code: 'network' });
    expect(relayed).toHaveLength(1);
    expect(sent).toEqual([]);
  });
});
