// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionTextFetcher, tabTextFetcher } from '../../../lib/media/fetch-text';
import { dashSeparate, readStreams, streamReadLimits } from '../../../lib/media/read-streams';
import type { FoundVideo } from '../../../lib/media/types';
import { servePlaylists } from './playlist-server';

// Playlists served over real HTTP on 127.0.0.1 and read the way the extension
// reads them when the page cannot (extensionTextFetcher: bounded, timed out).

const media = (seconds: number[], end = true) =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-TARGETDURATION:10',
    ...seconds.flatMap((s, i) => [`#EXTINF:${s},`, `seg-${i}.ts`]),
    ...(end ? ['#EXT-X-ENDLIST'] : []),
  ].join('\n');

const routes: Record<string, string> = {
  '/film/master.m3u8': [
    '#EXTM3U',
    '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Director",URI="audio/director.m3u8"',
    '#EXT-X-STREAM-INF:BANDWIDTH=900000,RESOLUTION=640x360',
    '360/index.m3u8',
    '#EXT-X-STREAM-INF:BANDWIDTH=8000000,RESOLUTION=1920x1080,AUDIO="aud"',
    '1080-commentary/index.m3u8',
    '#EXT-X-STREAM-INF:BANDWIDTH=6800000,RESOLUTION=1920x1080',
    '1080/index.m3u8',
    '#EXT-X-STREAM-INF:BANDWIDTH=2400000,RESOLUTION=1280x720',
    '720/index.m3u8',
  ].join('\n'),
  // 1000 s of video: at 6.8 Mbit/s about 850 MB.
  '/film/1080/index.m3u8': media(Array.from({ length: 100 }, () => 10)),
  '/film/720/index.m3u8': media(Array.from({ length: 100 }, () => 10)),
  '/film/360/index.m3u8': media(Array.from({ length: 100 }, () => 10)),
  '/live/index.m3u8': media([6, 6, 6], false),
  '/drm/master.m3u8': ['#EXTM3U', '#EXT-X-STREAM-INF:BANDWIDTH=3000000,RESOLUTION=1280x720', 'v/index.m3u8'].join('\n'),
  '/drm/v/index.m3u8': ['#EXTM3U', '#EXT-X-TARGETDURATION:6', '#EXT-X-KEY:METHOD=SAMPLE-AES,URI="skd://key"', '#EXTINF:6,', 'a.ts', '#EXT-X-ENDLIST'].join(
    '\n',
  ),
  '/clip/index.m3u8': media([4, 4, 2.5]),
  '/dash/separate.mpd':
    '<MPD><Period><AdaptationSet contentType="video" mimeType="video/mp4"><Representation id="v"/></AdaptationSet><AdaptationSet mimeType="audio/mp4"><Representation id="a"/></AdaptationSet></Period></MPD>',
  '/dash/muxed.mpd': '<MPD><Period><AdaptationSet><Representation id="av" mimeType="video/mp4" codecs="avc1,mp4a"/></AdaptationSet></Period></MPD>',
  '/page.html': '<html>not a playlist</html>',
};

const server = servePlaylists(routes, (path, res) => {
  if (path === '/slow.m3u8') {
    res.writeHead(200).write('#EXTM3U\n'); // never ends
    return true;
  }
  if (path !== '/huge.m3u8') return false;
  res.writeHead(200);
  res.end(`#EXTM3U\n${'#EXT-X-DISCONTINUITY\n'.repeat((streamReadLimits.playlistChars + 1024) / 21)}`);
  return true;
});

beforeEach(() => {
  server.requested.length = 0;
});

const hls = (path: string, source: FoundVideo['source'] = 'resource'): FoundVideo => ({ url: server.origin + path, kind: 'hls', source });
const fetchText = extensionTextFetcher(1500);

describe('readStreams', () => {
  it('offers a master playlist as its qualities, best first with a size estimate, the one with separate audio last and refused', async () => {
    const read = await readStreams([hls('/film/master.m3u8')], fetchText);
    expect(read.map((c) => [c.url.slice(server.origin.length), c.stream?.height, c.stream?.bytes, c.stream?.refused])).toEqual([
      ['/film/1080/index.m3u8', 1080, 850_000_000, undefined],
      ['/film/720/index.m3u8', 720, 300_000_000, undefined],
      ['/film/360/index.m3u8', 360, 112_500_000, undefined],
      ['/film/1080-commentary/index.m3u8', 1080, 1_000_000_000, 'separate_audio'],
    ]);
    expect(read.every((c) => c.kind === 'hls' && c.source === 'resource' && c.stream?.master === `${server.origin}/film/master.m3u8`)).toBe(true);
    // Bounded: the master and two variants' media playlists, never the refused one's.
    expect(server.requested.sort()).toEqual(['/film/1080/index.m3u8', '/film/720/index.m3u8', '/film/master.m3u8']);
  });

  it('drops a media playlist the master already listed, keeps a lone media playlist as one entry with its duration', async () => {
    const read = await readStreams([hls('/film/master.m3u8'), hls('/film/720/index.m3u8'), hls('/clip/index.m3u8', 'script')], fetchText);
    expect(read.filter((c) => c.url === `${server.origin}/film/720/index.m3u8`)).toHaveLength(1);
    expect(read.at(-1)).toEqual({ ...hls('/clip/index.m3u8', 'script'), stream: { duration: 10.5 } });
  });

  it('refuses live playlists, DRM in a variant, and text that is not a playlist, each with its reason', async () => {
    const read = await readStreams([hls('/live/index.m3u8'), hls('/drm/master.m3u8'), hls('/page.html')], fetchText);
    expect(read.map((c) => c.stream?.refused)).toEqual(['live', 'drm', 'not_playlist']);
  });

  it('keeps a playlist it could not fetch as found, and gives up on a slow one within the timeout', async () => {
    const started = Date.now();
    const read = await readStreams([hls('/gone.m3u8'), hls('/slow.m3u8')], fetchText);
    expect(read).toEqual([hls('/gone.m3u8'), hls('/slow.m3u8')]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads no more of a playlist than its cap, and calls an oversized one too large', async () => {
    const [read] = await readStreams([hls('/huge.m3u8')], fetchText);
    expect(read.stream?.refused).toBe('too_large');
  });

  it('reads only the first few manifests of a page', async () => {
    const many = Array.from({ length: 8 }, (_, i) => hls(`/clip/index.m3u8?n=${i}`));
    const read = await readStreams(many, fetchText);
    expect(read).toHaveLength(8);
    expect(server.requested).toHaveLength(streamReadLimits.manifests);
    expect(read.filter((c) => c.stream)).toHaveLength(streamReadLimits.manifests);
  });

  it('refuses DASH with separate audio and video sets, keeps a muxed one as found', async () => {
    const dash = (path: string): FoundVideo => ({ url: server.origin + path, kind: 'dash', source: 'link' });
    const read = await readStreams([dash('/dash/separate.mpd'), dash('/dash/muxed.mpd')], fetchText);
    expect(read).toEqual([{ ...dash('/dash/separate.mpd'), stream: { refused: 'dash_separate' } }, dash('/dash/muxed.mpd')]);
  });

  it('leaves files and player pages untouched, without a request', async () => {
    const items: FoundVideo[] = [
      { url: `${server.origin}/a.mp4`, kind: 'file', source: 'video' },
      { url: 'https://player.vimeo.com/video/1', kind: 'embed', source: 'iframe' },
    ];
    expect(await readStreams(items, fetchText)).toEqual(items);
    expect(server.requested).toEqual([]);
  });
});

describe('dashSeparate', () => {
  it('tells sets by contentType, mimeType, or a Representation inside', () => {
    expect(dashSeparate('<AdaptationSet contentType="audio"></AdaptationSet><AdaptationSet><Representation mimeType="video/webm"/></AdaptationSet>')).toBe(
      true,
    );
    expect(dashSeparate('<AdaptationSet mimeType="video/mp4"></AdaptationSet><AdaptationSet mimeType="text/vtt"></AdaptationSet>')).toBe(false);
    expect(dashSeparate('<AdaptationSet contentType="audio">')).toBe(false);
  });
});

describe('tabTextFetcher', () => {
  it('reads in the page’s frame first (the player’s origin and cookies), and the extension is not asked', async () => {
    const calls: unknown[] = [];
    fakeBrowser.scripting.executeScript = (async (injection: { target: unknown; args: unknown[] }) => {
      calls.push({ target: injection.target, args: injection.args });
      return [{ frameId: 3, result: '#EXTM3U\n#from-the-page' }];
    }) as never;
    const text = await tabTextFetcher(7, 3)(`${server.origin}/clip/index.m3u8`, 1000);
    expect(text).toBe('#EXTM3U\n#from-the-page');
    expect(calls).toEqual([{ target: { tabId: 7, frameIds: [3] }, args: [`${server.origin}/clip/index.m3u8`, 1000, streamReadLimits.timeoutMs] }]);
    expect(server.requested).toEqual([]);
  });

  it('falls back to the extension when the page cannot read it (blocked by CORS, or the page cannot be scripted)', async () => {
    fakeBrowser.scripting.executeScript = (async () => [{ frameId: 0, result: null }]) as never;
    expect(await tabTextFetcher(7)(`${server.origin}/clip/index.m3u8`, 1000)).toBe(routes['/clip/index.m3u8']);
    fakeBrowser.scripting.executeScript = (async () => {
      throw new Error('Cannot access contents of the page');
    }) as never;
    expect(await tabTextFetcher(7)(`${server.origin}/clip/index.m3u8`, 1000)).toBe(routes['/clip/index.m3u8']);
    expect(server.requested).toEqual(['/clip/index.m3u8', '/clip/index.m3u8']);
  });
});
