// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../../host-sim';
import { hlsJoined, type HlsKind, type HlsSpec } from '../../../host-sim/hls';
import { memorySpool, type Spool } from '../../../../lib/upload/document/spool';
import { createStreamRelay, streamFileName } from '../../../../lib/upload/document/stream-relay';
import { streamCapOf } from '../../../../lib/upload/document/stream-cap';
import { UploadFailure } from '../../../../lib/upload/document/upload-failure';
import type { UploadJobRef } from '../../../../lib/protocol/uploader';

// The stream relay's download phase against the host simulator's HLS routes
// on 127.0.0.1: real HTTP, real WebCrypto, the memory spool.

let sim: HostSim;
beforeAll(async () => {
  sim = await startHostSim();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.requests.length = 0;
  sim.clearFaults();
});

const spec = (kind: HlsKind, segments = 12, bytes = 188 * 40): HlsSpec => ({ kind, segments, bytes });
const jobOf = (s: HlsSpec, extra: Partial<UploadJobRef> = {}): UploadJobRef => ({
  id: `j-${s.kind}`,
  kind: 'relay',
  stream: 'hls',
  url: sim.hlsUrl(s),
  ...extra,
});

function relayWith(spool: Spool = memorySpool(), fetcher: typeof fetch = fetch, reports: [number, number][] = []) {
  return createStreamRelay({ fetch: fetcher, spool, now: Date.now, stallMs: 5000, retryMs: 10, report: (sent, total) => reports.push([sent, total]) });
}

/** How many times each segment of the stream was fetched. */
function fetchesOf(s: HlsSpec): number[] {
  const counts = new Array<number>(s.segments).fill(0);
  const prefix = `/hls/${s.kind}-${s.segments}-${s.bytes}/seg`;
  for (const request of sim.requests) if (request.path.startsWith(prefix)) counts[Number(/seg(\d+)/.exec(request.path)![1])]!++;
  return counts;
}

async function bytesOf(file: File): Promise<Buffer> {
  return Buffer.from(await file.arrayBuffer());
}

describe('stream relay: download phase', () => {
  it('joins MPEG-TS segments in order into one .ts file, each fetched once, reporting progress up to the whole', async () => {
    const s = spec('ts');
    const reports: [number, number][] = [];
    const { file, name } = await relayWith(memorySpool(), fetch, reports).download(
      jobOf(s, { name: 'My clip' }),
      new AbortController().signal,
      () => undefined,
    );
    expect(name).toBe('My clip.ts');
    expect(file.type).toBe('video/mp2t');
    expect((await bytesOf(file)).equals(hlsJoined(s))).toBe(true);
    expect(fetchesOf(s)).toEqual(new Array(s.segments).fill(1));
    expect(reports.at(-1)).toEqual([s.segments * s.bytes, s.segments * s.bytes]);
    const sent = reports.map(([n]) => n);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
  });

  it('puts the fMP4 init segment first and names the file .mp4', async () => {
    const s = spec('fmp4');
    const { file, name } = await relayWith().download(jobOf(s), new AbortController().signal, () => undefined);
    expect([name, file.type]).toEqual(['fmp4-12-7520.mp4', 'video/mp4']);
    expect((await bytesOf(file)).equals(hlsJoined(s))).toBe(true);
  });

  it.each(['aes', 'aesiv'] as const)('decrypts AES-128 segments (%s) with the key fetched once', async (kind) => {
    const s = spec(kind, 9, 1000);
    const { file } = await relayWith().download(jobOf(s), new AbortController().signal, () => undefined);
    expect((await bytesOf(file)).equals(hlsJoined(s))).toBe(true);
    expect(sim.requests.filter((r) => r.path.endsWith('/key.bin'))).toHaveLength(1);
  });

  it.each([
    ['live', 'streamRefused_live'],
    ['drm', 'streamRefused_drm'],
    ['audio', 'streamRefused_separate_audio'],
    ['master', 'streamRefused_not_playlist'],
  ] as const)('refuses a %s stream with its reason before any segment is fetched', async (kind, key) => {
    const s = spec(kind);
    const url = kind === 'audio' || kind === 'master' ? sim.hlsUrl(s, 'master.m3u8') : sim.hlsUrl(s);
    const failure = await relayWith()
      .download(jobOf(s, { url }), new AbortController().signal, () => undefined)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UploadFailure);
    expect(failure).toMatchObject({ code: 'unsupported', message: key });
    expect(sim.requests.filter((r) => /\/(seg\d+\.\w+|init\.mp4|key\.bin)$/.test(r.path))).toEqual([]);
  });

  it('tries a failing segment again on its own', async () => {
    const s = spec('ts');
    sim.fault({ kind: 'status', status: 503, match: '/seg4.ts', times: 2 });
    const { file } = await relayWith().download(jobOf(s), new AbortController().signal, () => undefined);
    expect((await bytesOf(file)).equals(hlsJoined(s))).toBe(true);
    expect(fetchesOf(s)).toEqual(fetchesOf(s).map((_, i) => (i === 4 ? 3 : 1)));
  });

  it('fails with the source answer when a segment is gone', async () => {
    const s = spec('ts');
    sim.fault({ kind: 'status', status: 404, match: '/seg2.ts' });
    const failure = await relayWith()
      .download(jobOf(s), new AbortController().signal, () => undefined)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'not_found' });
  });

  it('goes on after a cut from the next segment: spooled segments are not fetched again', async () => {
    const s = spec('ts', 20);
    const spool = memorySpool();
    const cancel = new AbortController();
    let kept: { keep(): Promise<void> } | undefined;
    let seen = 0;
    // The first run is cut once seven segments have come back (a browser restart: nothing but the marks survives).
    const cutting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (/seg\d+\.ts$/.test(String(input)) && ++seen === 7) cancel.abort();
      return response;
    };
    await relayWith(spool, cutting)
      .download(jobOf(s), cancel.signal, (writer) => (kept = writer as never))
      .catch(() => undefined);
    await kept!.keep();
    const first = fetchesOf(s);
    const reports: [number, number][] = [];
    const { file } = await relayWith(spool, fetch, reports).download(jobOf(s), new AbortController().signal, () => undefined);
    expect((await bytesOf(file)).equals(hlsJoined(s))).toBe(true);
    const total = fetchesOf(s);
    const spooledFirst = reports[0]![0] / s.bytes;
    expect(spooledFirst).toBeGreaterThanOrEqual(3);
    // Segments spooled before the cut: fetched once in all. Only those in flight at the cut came again.
    for (let i = 0; i < spooledFirst; i++) expect(total[i]).toBe(1);
    expect(total.filter((n) => n > 1).length).toBeLessThanOrEqual(4);
    expect(first.slice(spooledFirst).every((n) => n <= 1)).toBe(true);
  });

  it('caps the stream loosely around its estimate, never over 20 GB', () => {
    expect(streamCapOf(undefined)).toBe(20 * 1024 ** 3);
    expect(streamCapOf(10 * 1024 ** 2)).toBe(110 * 1024 ** 2);
    expect(streamCapOf(1024 ** 3)).toBe(2 * 1024 ** 3);
    expect(streamCapOf(15 * 1024 ** 3)).toBe(20 * 1024 ** 3);
  });

  it('names the file from the title or the playlist folder, with the container extension', () => {
    expect(streamFileName('Trip.m3u8', 'https://cdn.example/a/b/index.m3u8', 'ts')).toBe('Trip.ts');
    expect(streamFileName(undefined, 'https://cdn.example/show/ep1/index.m3u8', 'fmp4')).toBe('ep1.mp4');
  });
});
