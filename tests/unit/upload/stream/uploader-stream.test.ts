// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHostSim, type HostSim } from '../../../host-sim';
import { hlsJoined, type HlsSpec } from '../../../host-sim/hls';
import { memorySpool, type Spool } from '../../../../lib/upload/document/spool';
import { createUploader } from '../../../../lib/upload/document/uploader';
import { fakeSend, type Report } from '../fake-reports';
import { FakeXhr } from '../fake-xhr';

// The uploader with a stream relay job: the download phase against the
// simulator's HLS routes, then the one joined file handed to the upload POST.

const target = { url: 'https://up.host.test/upload/01', fields: { key: 'k' }, fileField: 'file' };

let sim: HostSim;
beforeAll(async () => {
  sim = await startHostSim();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.requests.length = 0;
  sim.clearFaults();
  FakeXhr.all = [];
});

function setup(spool: Spool, missing: string[] = []) {
  const reports: Report[] = [];
  const send = fakeSend(
    (report) =>
      report.type === 'target'
        ? { ok: true, target }
        : report.type === 'origins'
          ? { missing: missing.filter((o) => (report.origins as string[]).includes(o)) }
          : { ok: true },
    reports,
  );
  const uploader = createUploader({ send, createXhr: () => new FakeXhr() as unknown as XMLHttpRequest, spool, progressEveryMs: 0, deliveryRetryMs: 10 });
  return { uploader, reports };
}

const s: HlsSpec = { kind: 'aes', segments: 10, bytes: 2000 };
const segmentFetches = () => sim.requests.filter((r) => /\/seg\d+\.ts$/.test(r.path)).length;

describe('uploader: stream relays', () => {
  it('downloads, decrypts and joins the segments, then posts one file named for the title', async () => {
    const { uploader, reports } = setup(memorySpool());
    uploader.start({ id: 'j1', kind: 'relay', stream: 'hls', url: sim.hlsUrl(s), name: 'Holiday', bytesTotal: 20_000 });
    await vi.waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    const file = FakeXhr.all[0]!.body!.get('file') as File;
    expect([file.name, file.type]).toEqual(['Holiday.ts', 'video/mp2t']);
    expect(Buffer.from(await file.arrayBuffer()).equals(hlsJoined(s))).toBe(true);
    const phases = reports.filter((r) => r.type === 'progress').map((r) => r.phase);
    expect(phases[0]).toBe('download');
    expect(phases.at(-1)).toBe('download');
    FakeXhr.all[0]!.reply(200, 'ok');
    await vi.waitFor(() => expect(reports.at(-1)).toMatchObject({ type: 'done', jobId: 'j1' }));
  });

  it('reports a refusal as its message key, fetching no segment', async () => {
    const { uploader, reports } = setup(memorySpool());
    uploader.start({ id: 'j2', kind: 'relay', stream: 'hls', url: sim.hlsUrl({ ...s, kind: 'live' }) });
    await vi.waitFor(() => expect(reports.at(-1)).toMatchObject({ type: 'error', error: { code: 'unsupported', message: 'streamRefused_live' } }));
    expect(segmentFetches()).toBe(0);
  });

  it('asks the background about every origin the playlist names and fetches nothing from a site VidRelay may not download from', async () => {
    const { uploader, reports } = setup(memorySpool(), [sim.origin]);
    uploader.start({ id: 'j5', kind: 'relay', stream: 'hls', url: sim.hlsUrl(s) });
    await vi.waitFor(() =>
      expect(reports.at(-1)).toMatchObject({ type: 'error', error: { code: 'permission', message: expect.stringContaining('127.0.0.1') } }),
    );
    expect(reports.find((r) => r.type === 'origins')).toMatchObject({ jobId: 'j5', origins: [sim.origin] });
    expect(segmentFetches()).toBe(0);
    expect(sim.requests.filter((r) => r.path.endsWith('/key.bin'))).toEqual([]);
  });

  it('keeps the spool after a failure the queue retries: the retry fetches no segment again and uploads once', async () => {
    const spool = memorySpool();
    const first = setup(spool);
    sim.fault({ kind: 'status', status: 503, match: '/seg6.ts' });
    first.uploader.start({ id: 'j3', kind: 'relay', stream: 'hls', url: sim.hlsUrl(s) });
    await vi.waitFor(() => expect(first.reports.at(-1)).toMatchObject({ type: 'error', error: { code: 'server' } }), { timeout: 15_000 });
    expect(FakeXhr.all).toHaveLength(0);
    sim.clearFaults();
    const before = sim.requests.filter((r) => /\/seg[0-5]\.ts$/.test(r.path)).length;
    expect(before).toBe(6);
    const second = setup(spool);
    second.uploader.start({ id: 'j3', kind: 'relay', stream: 'hls', url: sim.hlsUrl(s) });
    await vi.waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    expect(sim.requests.filter((r) => /\/seg[0-5]\.ts$/.test(r.path)).length).toBe(6);
    const file = FakeXhr.all[0]!.body!.get('file') as File;
    expect(Buffer.from(await file.arrayBuffer()).equals(hlsJoined(s))).toBe(true);
  });

  it('drops the spool on cancel: a new start fetches every segment again', async () => {
    const spool = memorySpool();
    const { uploader } = setup(spool);
    sim.fault({ kind: 'slow', match: '/seg3.ts', delayMs: 300, times: 1 });
    uploader.start({ id: 'j4', kind: 'relay', stream: 'hls', url: sim.hlsUrl(s) });
    await vi.waitFor(() => expect(segmentFetches()).toBeGreaterThanOrEqual(3));
    uploader.cancel('j4');
    await vi.waitFor(() => expect(uploader.busy()).toBe(false));
    sim.requests.length = 0;
    const again = setup(spool);
    again.uploader.start({ id: 'j4', kind: 'relay', stream: 'hls', url: sim.hlsUrl(s) });
    await vi.waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    expect(segmentFetches()).toBe(s.segments);
  });
});
