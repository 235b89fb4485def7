import { afterAll, beforeAll, describe, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { startHlsSite, type HlsSite } from '../../host-sim/hls';
import { firefoxBackground, launchFirefox, type FirefoxSession } from '../../browsers/firefox';
import { seededAccount } from '../../browsers/stored-accounts';
import type { FlowEnv } from '../shared/flows/scope';
import { refusesStreams, relaysFromNewSite, relaysStream, type StreamAccount } from '../shared/flows/stream-relay';

// Stream relays in Firefox: "Send to host" from Firefox's real context menu on
// a blob: player's video; the event page downloads the segments, joins them
// and uploads one file (tests/e2e/shared/flows/stream-relay.ts).

const KEY = 'ff-stream-key-0001';
const account: StreamAccount = { id: 'acc_stream', label: 'Stream Relay', hostId: 'mp4upload.com', key: KEY };
let sim: HostSim;
/** A site VidRelay was granted no access to. */
let site: HlsSite;
let session: FirefoxSession;
let env: FlowEnv;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 300 });
  site = await startHlsSite();
  sim.addAccount({ hostId: 'mp4upload.com', key: KEY, login: 'streamer' });
  session = await launchFirefox();
  env = { session, sim, background: firefoxBackground(session) };
  const data = [seededAccount(sim, account.id, 'mp4upload.com', 'Stream Relay', KEY, { createdAt: 1 })];
  await session.background((bg, accounts) => bg.browser.storage.local.set({ accounts: { version: 1, data: accounts } }), data);
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await site?.close();
});

describe('stream relay (Firefox)', () => {
  it(
    'relays an MPEG-TS stream behind a blob: player as one .ts file',
    () => relaysStream(env, account, { kind: 'ts', segments: 30, bytes: 188 * 300 }, 'ts-stream'),
    90_000,
  );

  it(
    'relays the fMP4 quality chosen in the picker from a master as one .mp4, its init segment first',
    () =>
      relaysStream(env, account, { kind: 'fmp4', segments: 20, bytes: 40_000 }, 'master-stream', {
        master: { kind: 'master', segments: 20, bytes: 40_000 },
        label: 'HLS stream, 360p, about 4 MB',
        height: 360,
      }),
    90_000,
  );

  it('relays an AES-128 stream decrypted', () => relaysStream(env, account, { kind: 'aesiv', segments: 20, bytes: 50_000 }, 'aes-stream'), 90_000);

  it(
    'sends a stream on a site VidRelay may not download from yet through the picker, whose Send asks for the site, and relays it',
    () => relaysFromNewSite(env, account, { kind: 'ts', segments: 10, bytes: 188 * 100 }, 'new-site', site),
    60_000,
  );

  it(
    'refuses live, DRM and separate-audio streams with their reasons, queueing nothing and fetching no segment',
    () =>
      refusesStreams(env, account, [
        { spec: { kind: 'live', segments: 10, bytes: 1880 }, reason: 'live' },
        { spec: { kind: 'drm', segments: 10, bytes: 1880 }, reason: 'drm' },
        { spec: { kind: 'audio', segments: 10, bytes: 1880 }, reason: 'separate_audio' },
      ]),
    60_000,
  );
});
