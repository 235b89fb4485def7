import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostSim, type HostSim } from '../../host-sim';
import { hlsJoined, type HlsSpec } from '../../host-sim/hls';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { chromiumBackground } from '../../browsers/chromium-worker';
import { storedJobsIn } from '../../browsers/jobs-db';
import { accountEntriesSeed, seededAccount } from '../../browsers/stored-accounts';
import { landedBytes, refusesStreams, relaysStream, segmentFetches, sendStreamOf, type StreamAccount } from '../shared/flows/stream-relay';

// Stream relays in Chromium: "Send to host" on a blob: player's video, and
// mp4upload.com takes no playlist URL, so the offscreen document downloads the
// segments, joins them and uploads one file (the flows shared with Firefox:
// tests/e2e/shared/flows/stream-relay.ts). The picker's listing of a master's
// qualities is send-stream.test.ts. A stream on a site not granted yet goes
// through the picker in Firefox only (firefox/stream-relay.test.ts): the
// onClicked this suite fires grants no activeTab, so the page could not be read.
// A browser restart mid-relay goes on from the segments already spooled.

const KEY = 'e2e-stream-key-0001';
const account: StreamAccount = { id: 'acc_stream', label: 'Stream Relay', hostId: 'mp4upload.com', key: KEY };
let sim: HostSim;
let session: ExtensionSession | undefined;
let profile: string;

async function launch(): Promise<ExtensionSession> {
  session = await launchExtension({ userDataDir: profile });
  return session;
}

const env = () => ({ session: session!, sim, background: chromiumBackground(session!) });

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 300 });
  sim.addAccount({ hostId: 'mp4upload.com', key: KEY, login: 'streamer' });
  profile = await mkdtemp(join(tmpdir(), 'vidrelay-stream-relay-'));
  const s = await launch();
  const seeded = seededAccount(sim, account.id, 'mp4upload.com', 'Stream Relay', KEY, { defaults: {}, createdAt: 1 });
  await (await s.worker()).evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([seeded]));
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('stream relay (Chromium)', () => {
  it(
    'relays an MPEG-TS stream behind a blob: player as one .ts file',
    () => relaysStream(env(), account, { kind: 'ts', segments: 30, bytes: 188 * 300 }, 'ts-stream'),
    90_000,
  );

  it(
    'relays the fMP4 quality chosen in the picker from a master as one .mp4, its init segment first',
    () =>
      relaysStream(env(), account, { kind: 'fmp4', segments: 20, bytes: 40_000 }, 'master-stream', {
        master: { kind: 'master', segments: 20, bytes: 40_000 },
        label: 'HLS stream, 360p, about 4 MB',
        height: 360,
      }),
    90_000,
  );

  it('relays an AES-128 stream decrypted', () => relaysStream(env(), account, { kind: 'aes', segments: 20, bytes: 50_000 }, 'aes-stream'), 90_000);

  it(
    'refuses live, DRM and separate-audio streams with their reasons, queueing nothing and fetching no segment',
    () =>
      refusesStreams(env(), account, [
        { spec: { kind: 'live', segments: 10, bytes: 1880 }, reason: 'live' },
        { spec: { kind: 'drm', segments: 10, bytes: 1880 }, reason: 'drm' },
        { spec: { kind: 'audio', segments: 10, bytes: 1880 }, reason: 'separate_audio' },
      ]),
    60_000,
  );

  it('goes on after a browser restart from the next segment: no spooled segment is fetched twice, one file lands', async () => {
    const spec: HlsSpec = { kind: 'ts', segments: 40, bytes: 188 * 500 };
    const held = 12;
    // Segment 12 is held back far longer than the test: the relay waits there when the browser closes.
    sim.fault({ kind: 'slow', match: `/ts-${spec.segments}-${spec.bytes}/seg${held}.ts`, delayMs: 600_000, times: 1 });
    const jobId = (await sendStreamOf(env(), account, spec, 'restarted')).notice!.id;
    await expect
      .poll(async () => ((await storedJobsIn(env().background.scope)).find((j) => j.id === jobId) as { bytesSent?: number } | undefined)?.bytesSent ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual((held - 2) * spec.bytes);
    // Progress is throttled: give the last segments before the held one time to reach the spool.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await session!.close();
    const before = segmentFetches({ sim }, spec);
    expect(before.slice(0, held)).toEqual(new Array(held).fill(1));
    sim.clearFaults();

    await launch();
    await expect.poll(() => sim.uploads.filter((u) => u.name === 'restarted.ts').length, { timeout: 60_000 }).toBe(1);
    expect((await landedBytes({ sim }, account, 'restarted.ts')).equals(hlsJoined(spec))).toBe(true);
    const after = segmentFetches({ sim }, spec);
    // The segments spooled before the restart were not fetched again; only those in flight at the cut came twice.
    expect(after.slice(0, held)).toEqual(new Array(held).fill(1));
    expect(after.every((n) => n >= 1 && n <= 2)).toBe(true);
    expect(after.filter((n) => n === 2).length).toBeLessThanOrEqual(4);
    expect(sim.uploads.filter((u) => u.name === 'restarted.ts')).toHaveLength(1);
  }, 150_000);
});
