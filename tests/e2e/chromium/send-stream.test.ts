import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '../../../lib/accounts';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { accountEntriesSeed } from '../../browsers/stored-accounts';
import { menuClick } from '../../browsers/chromium-worker';
import { PickerPage } from '../shared/pages/PickerPage';

// Issue 24: a player that streams into a blob: address. The page fetches its
// master playlist (as hls.js does) and plays through MediaSource; "Send to
// host" on the video finds the playlist among the page's loaded resources,
// reads it in the page (the server answers only the player's page), and the
// picker lists its qualities with their sizes
// and the one that cannot be joined with its reason.

const media = (segments: number) =>
  ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:10', ...Array.from({ length: segments }, (_, i) => `#EXTINF:10,\nseg-${i}.ts`), '#EXT-X-ENDLIST'].join(
    '\n',
  );

const files: Record<string, [string, string]> = {
  '/watch/42': [
    'text/html',
    `<!doctype html><html><head><title>Film night</title></head><body>
     <video id="player" width="640" height="360" muted></video>
     <script>
       fetch('/film/master.m3u8').then((r) => r.text()).then(() => {
         const source = new MediaSource();
         document.getElementById('player').src = URL.createObjectURL(source);
         document.title = 'ready';
       });
     </script></body></html>`,
  ],
  '/film/master.m3u8': [
    'application/vnd.apple.mpegurl',
    [
      '#EXTM3U',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Commentary",URI="audio/commentary.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=2400000,RESOLUTION=1280x720',
      '720/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=6800000,RESOLUTION=1920x1080',
      '1080/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=7200000,RESOLUTION=1920x1080,AUDIO="aud"',
      '1080-commentary/index.m3u8',
    ].join('\n'),
  ],
  '/film/1080/index.m3u8': ['application/vnd.apple.mpegurl', media(100)],
  '/film/720/index.m3u8': ['application/vnd.apple.mpegurl', media(100)],
};

let server: Server;
let origin: string;
let session: ExtensionSession;
const accountId = 'acc_stream_e2e';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files[path];
    if (!file) return void res.writeHead(404).end();
    // Playlists go only to their player's page (hotlink protection by Referer, as CDNs do): read in the page or not at all.
    if (path.startsWith('/film/') && !req.headers.referer?.endsWith('/watch/42')) return void res.writeHead(403).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await launchExtension();
  const account = accountSchema.parse({
    id: accountId,
    hostId: 'mp4upload.com',
    label: 'Stream E2E',
    apiBase: `${origin}/api`,
    key: 'e2e-stream-key-0001',
    createdAt: 1,
  });
  const worker = await session.worker();
  await worker.evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
});

afterAll(async () => {
  await session?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('send a stream from a blob: player', () => {
  it('lists the master playlist’s qualities with sizes, best first, and the refused one disabled with its reason', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/watch/42`, { waitUntil: 'load' });
    await expect.poll(() => page.title()).toBe('ready');
    const srcUrl = await page.evaluate(() => (document.getElementById('player') as HTMLVideoElement).src);
    expect(srcUrl).toMatch(/^blob:/);
    const opened = PickerPage.next(session);
    await menuClick(session, page, { menuItemId: `account:${accountId}`, mediaType: 'video', srcUrl });
    const picker = await opened;
    expect(await picker.variants()).toEqual([
      { label: 'HLS stream, 1080p, about 850 MB', disabled: false },
      { label: 'HLS stream, 720p, about 300 MB', disabled: false },
      { label: 'HLS stream, 1080p, about 900 MB', disabled: true, reason: expect.stringMatching(/separate track/) },
    ]);
    expect(await picker.candidateUrls()).toEqual([
      `${origin}/film/1080/index.m3u8`,
      `${origin}/film/720/index.m3u8`,
      `${origin}/film/1080-commentary/index.m3u8`,
    ]);
    await picker.chooseVariant('HLS stream, 720p, about 300 MB');
    await picker.sendTo();
    await expect(picker.status().textContent()).resolves.toBe('Sent 1 video to Stream E2E.');
    // A relay job of the chosen quality, a stream, with its estimate: the relay itself is the relay's e2e.
    const manager = await session.context.newPage();
    await manager.goto(session.url('manager.html'));
    const reply = await manager.evaluate(() => chrome.runtime.sendMessage({ vidrelay: 1, type: 'jobs.list', payload: { limit: 10 } }));
    expect(reply.data).toEqual([
      expect.objectContaining({ kind: 'relay', stream: 'hls', url: `${origin}/film/720/index.m3u8`, title: '42 (720p)', bytesTotal: 300_000_000 }),
    ]);
    await manager.close();
    await page.close();
  });
});
