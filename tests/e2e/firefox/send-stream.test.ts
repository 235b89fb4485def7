import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '../../../lib/accounts';
import { firefoxBackground, launchFirefox, type FirefoxSession } from '../../browsers/firefox';
import { accountEntriesSeed } from '../../browsers/stored-accounts';

// Issue 24 in Firefox: a blob: player whose page fetched its playlist. The
// finder finds it among the loaded resources and the playlist is read in the
// page (executeScript with a function whose promise Firefox hands back), so a
// playlist served only to its player's page is read too. Sending, refusing
// and relaying a stream from such a page are stream-relay.test.ts.

// A live playlist (no ENDLIST): its refusal shows that it was read.
const livePlaylist = ['#EXTM3U', '#EXT-X-TARGETDURATION:6', '#EXTINF:6,', 'a.ts', '#EXTINF:6,', 'b.ts'].join('\n');
// The playlist is fetched before the page's load event (a synchronous request), so it is among the
// loaded resources by the time the menu is clicked.
const player = (src: string) => `<!doctype html><html><body><video id="v" width="320" height="180"></video><script>
  const request = new XMLHttpRequest();
  request.open('GET', '${src}', false);
  request.send();
  document.getElementById('v').src = URL.createObjectURL(new MediaSource());
</script></body></html>`;

const files: Record<string, [string, string]> = {
  '/guarded/watch': ['text/html', player('/guarded/index.m3u8')],
  '/guarded/index.m3u8': ['application/vnd.apple.mpegurl', livePlaylist],
};

let server: Server;
let origin: string;
let session: FirefoxSession;
const accountId = 'acc_stream_ff';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files[path];
    if (!file) return void res.writeHead(404).end();
    // The guarded playlist answers only requests from its player's page (hotlink protection by Referer, as many CDNs do).
    if (path === '/guarded/index.m3u8' && !req.headers.referer?.endsWith('/guarded/watch')) return void res.writeHead(403).end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await launchFirefox();
  const account = accountSchema.parse({
    id: accountId,
    hostId: 'mp4upload.com',
    label: 'Stream FF',
    apiBase: `${origin}/api`,
    key: 'ff-stream-key-0001',
    createdAt: 1,
  });
  await session.background((bg, seed) => bg.browser.storage.local.set(seed), accountEntriesSeed([account]));
});

afterAll(async () => {
  await session?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** "Send to host" from Firefox's real context menu, on the page with the blob: player. */
const sendFrom = (path: string) => firefoxBackground(session).sendFromMenu({ url: `${origin}${path}`, menuItemId: `account:${accountId}` });

describe('Firefox: send a stream from a blob: player', () => {
  it('reads the playlist in the page, as its player did: one served only to its page (Referer) is read (and refused as live)', async () => {
    expect(await sendFrom('/guarded/watch')).toMatchObject({ title: 'Nothing sent', message: expect.stringMatching(/live/i) });
  });
});
