// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createUploadHandlers } from '../../../lib/background/handlers/uploads';
import { accountSchema } from '../../../lib/accounts';
import { fakeContext } from './context-fakes';
import { servePlaylists } from '../media/playlist-server';

// The manager's relay form given a playlist URL: read (over real HTTP on
// 127.0.0.1) before anything is queued, a master's best quality taken.

const playlists: Record<string, string> = {
  '/show/master.m3u8': [
    '#EXTM3U',
    '#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360',
    '360/index.m3u8',
    '#EXT-X-STREAM-INF:BANDWIDTH=3200000,RESOLUTION=1280x720',
    '720/index.m3u8',
  ].join('\n'),
  '/show/720/index.m3u8': ['#EXTM3U', '#EXT-X-TARGETDURATION:10', '#EXTINF:10,', 'a.ts', '#EXTINF:10,', 'b.ts', '#EXT-X-ENDLIST'].join('\n'),
  '/show/360/index.m3u8': ['#EXTM3U', '#EXT-X-TARGETDURATION:10', '#EXTINF:10,', 'a.ts', '#EXTINF:10,', 'b.ts', '#EXT-X-ENDLIST'].join('\n'),
  '/live/index.m3u8': ['#EXTM3U', '#EXT-X-TARGETDURATION:10', '#EXTINF:10,', 'a.ts'].join('\n'),
};

const server = servePlaylists(playlists);
beforeEach(() => {
  fakeBrowser.permissions.contains = async () => true;
});

function setup() {
  const ctx = fakeContext({
    accounts: [
      accountSchema.parse({ id: 'mega', hostId: 'megamax.me', label: 'Mega', apiBase: 'https://megamax.me/api', key: 'k2-abcdef', login: 'me', createdAt: 1 }),
    ],
  });
  return { store: ctx.jobs.store, handlers: createUploadHandlers(ctx) };
}

describe('relay form with a playlist URL', () => {
  it('probes a master playlist as its best quality: the media playlist, named with the quality, its estimate as the size', async () => {
    const { handlers } = setup();
    await expect(handlers['relay.probe']({ url: `${server.origin}/show/master.m3u8` })).resolves.toEqual({
      url: `${server.origin}/show/720/index.m3u8`,
      name: 'show (720p)',
      size: 8_000_000,
      type: 'application/vnd.apple.mpegurl',
    });
  });

  it('queues a stream relay of the best quality, never the master itself', async () => {
    const { handlers, store } = setup();
    const job = await handlers['relay.add']({ accountId: 'mega', url: `${server.origin}/show/master.m3u8` });
    expect(job).toMatchObject({ kind: 'relay', stream: 'hls', url: `${server.origin}/show/720/index.m3u8`, title: 'show (720p)', bytesTotal: 8_000_000 });
    expect(await store.all()).toHaveLength(1);
  });

  it('refuses a live playlist before anything is queued, with the reason', async () => {
    const { handlers, store } = setup();
    await expect(handlers['relay.probe']({ url: `${server.origin}/live/index.m3u8` })).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/live/i),
    });
    await expect(handlers['relay.add']({ accountId: 'mega', url: `${server.origin}/live/index.m3u8` })).rejects.toMatchObject({ code: 'unsupported' });
    expect(await store.all()).toEqual([]);
  });
});
