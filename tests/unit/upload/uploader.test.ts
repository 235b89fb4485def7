import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memorySpool } from '../../../lib/upload/document/spool';
import { relayCapOf, relayLimits } from '../../../lib/upload/document/relay-cap';
import { uploadReplyCapBytes } from '../../../lib/upload/document/form-post';
import { createUploader } from '../../../lib/upload/document/uploader';
import { fakeSend, type Report } from './fake-reports';
import { FakeXhr } from './fake-xhr';

const target = { url: 'https://up.host.test/upload/01', fields: { key: 'secret-key', file_title: 'Hi' }, fileField: 'file' };

function setup(answer: (report: Report) => unknown = () => ({ ok: true })) {
  const reports: Report[] = [];
  const send = fakeSend((report) => (report.type === 'target' ? { ok: true, target } : answer(report)), reports);
  const uploader = createUploader({
    send,
    createXhr: () => new FakeXhr() as unknown as XMLHttpRequest,
    spool: memorySpool(),
    progressEveryMs: 100,
    stallMs: 4000,
    replyWaitMs: 8000,
    deliveryRetryMs: 50,
    deliveryAttempts: 5,
  });
  return { uploader, reports, send };
}

const video = () => new File([new Uint8Array(1000)], 'clip.mp4', { type: 'video/mp4' });
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  FakeXhr.all = [];
});
afterEach(() => vi.useRealTimers());

describe('uploader', () => {
  it('refuses to start a file it does not hold, by staying silent', () => {
    const { uploader } = setup();
    expect(uploader.start({ id: 'j1', kind: 'file' })).toBeUndefined();
    expect(uploader.alive(['j1'])).toBeUndefined();
  });

  it('posts the held File with the target fields, reports scaled progress and the reply', async () => {
    const { uploader, reports } = setup();
    uploader.hold('j1', video());
    expect(uploader.alive(['j1'])).toEqual({ running: [], held: ['j1'] });
    expect(uploader.start({ id: 'j1', kind: 'file' })).toEqual({ accepted: true });
    await flush();
    const xhr = FakeXhr.all[0]!;
    expect([xhr.method, xhr.url]).toEqual(['POST', target.url]);
    expect(xhr.body!.get('key')).toBe('secret-key');
    expect((xhr.body!.get('file') as File).name).toBe('clip.mp4');
    expect(uploader.alive(['j1'])).toEqual({ running: ['j1'], held: [] });

    // 600 of 1200 multipart bytes is half of the file.
    xhr.progress(600, 1200);
    expect(reports.at(-1)).toMatchObject({ type: 'progress', jobId: 'j1', sent: 500, total: 1000, phase: 'upload' });
    xhr.reply(200, '{"status":200,"files":[{"filecode":"abc","status":"OK"}]}');
    await flush();
    expect(reports.at(-1)).toMatchObject({ type: 'done', jobId: 'j1', status: 200, body: expect.stringContaining('abc') });
    expect(uploader.alive(['j1'])).toEqual({ running: [], held: ['j1'] });
  });

  it('throttles progress reports', async () => {
    const { uploader, reports } = setup();
    uploader.hold('j1', video());
    uploader.start({ id: 'j1', kind: 'file' });
    await flush();
    for (let i = 1; i <= 10; i++) FakeXhr.all[0]!.progress(i * 10, 1000);
    expect(reports.filter((r) => r.type === 'progress')).toHaveLength(1);
  });

  it('reports a dropped connection with whether the body had gone out', async () => {
    const { uploader, reports } = setup();
    uploader.hold('j1', video());
    uploader.start({ id: 'j1', kind: 'file' });
    await flush();
    FakeXhr.all[0]!.drop();
    await flush();
    expect(reports.at(-1)).toMatchObject({
      type: 'error',
      jobId: 'j1',
      bodySent: false,
      error: { code: 'network', message: expect.stringMatching(/dropped/) },
    });
    expect(JSON.stringify(reports.filter((r) => r.type === 'error'))).not.toContain('secret-key');
  });

  it('aborts a stalled upload as a timeout', async () => {
    const { uploader, reports } = setup();
    uploader.hold('j1', video());
    uploader.start({ id: 'j1', kind: 'file' });
    await flush();
    await vi.advanceTimersByTimeAsync(6000);
    expect(FakeXhr.all[0]!.aborted).toBe(true);
    expect(reports.at(-1)).toMatchObject({ type: 'error', error: { code: 'timeout' } });
  });

  it('cancels without reporting anything', async () => {
    const { uploader, reports } = setup();
    uploader.hold('j1', video());
    uploader.start({ id: 'j1', kind: 'file' });
    await flush();
    uploader.cancel('j1');
    await flush();
    expect(FakeXhr.all[0]!.aborted).toBe(true);
    expect(reports.some((r) => r.type === 'error')).toBe(false);
  });

  it('keeps trying to deliver the result while the background restarts', async () => {
    let down = 3;
    const { uploader, reports } = setup((report) => {
      if (report.type === 'done' && down-- > 0) throw new Error('Receiving end does not exist.');
      return { ok: true };
    });
    uploader.hold('j1', video());
    uploader.start({ id: 'j1', kind: 'file' });
    await flush();
    FakeXhr.all[0]!.reply(200, 'ok');
    await vi.advanceTimersByTimeAsync(500);
    expect(reports.filter((r) => r.type === 'done')).toHaveLength(4);
  });

  it('drops Files the queue no longer needs and then reports idle', async () => {
    const { uploader, reports } = setup((report) => (report.type === 'needed' ? { needed: ['keep'] } : { ok: true }));
    uploader.hold('keep', video());
    uploader.hold('gone', video());
    await uploader.sweep();
    expect(uploader.holds('keep')).toBe(true);
    expect(uploader.holds('gone')).toBe(false);
    expect(reports.some((r) => r.type === 'idle')).toBe(false);
  });

  it('relays: downloads the source with progress, then uploads it under its name', async () => {
    const bytes = new Uint8Array(3000).fill(7);
    const fetcher = vi.fn(async () => new Response(bytes, { headers: { 'content-type': 'video/mp4', 'content-length': '3000' } }));
    const reports: Report[] = [];
    const uploader = createUploader({
      send: fakeSend((report) => (report.type === 'target' ? { ok: true, target } : { ok: true }), reports),
      createXhr: () => new FakeXhr() as unknown as XMLHttpRequest,
      fetch: fetcher as unknown as typeof fetch,
      spool: memorySpool(),
      progressEveryMs: 0,
    });
    expect(uploader.start({ id: 'r1', kind: 'relay', url: 'https://src.test/v/trip.mp4', name: 'trip.mp4', bytesTotal: 3000 })).toEqual({
      accepted: true,
    });
    await vi.waitFor(() => expect(FakeXhr.all).toHaveLength(1));
    const sent = FakeXhr.all[0]!.body!.get('file') as File;
    expect([sent.name, sent.size]).toEqual(['trip.mp4', 3000]);
    expect(reports.find((r) => r.type === 'progress' && r.phase === 'download')).toMatchObject({ sent: 3000, total: 3000 });
  });

  it('relays: a source that answers 404 fails with what to do', async () => {
    const reports: Report[] = [];
    const uploader = createUploader({
      send: fakeSend(() => ({ ok: true }), reports),
      fetch: (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch,
      spool: memorySpool(),
      deliveryAttempts: 1,
    });
    uploader.start({ id: 'r1', kind: 'relay', url: 'https://src.test/gone.mp4' });
    await vi.waitFor(() => expect(reports.some((r) => r.type === 'error')).toBe(true));
    expect(reports.find((r) => r.type === 'error')).toMatchObject({ error: { code: 'not_found', message: expect.stringMatching(/fresh link/) } });
  });

  it('stops a relay whose source sends more than the size the user confirmed', async () => {
    // The source's HEAD said 3000 bytes; it sends 3000 + 2 MB.
    const bytes = new Uint8Array(3000 + 2 * 1024 * 1024).fill(1);
    const reports: Report[] = [];
    const uploader = createUploader({
      send: fakeSend((report) => (report.type === 'target' ? { ok: true, target } : { ok: true }), reports),
      createXhr: () => new FakeXhr() as unknown as XMLHttpRequest,
      fetch: (async () => new Response(bytes, { headers: { 'content-type': 'video/mp4' } })) as unknown as typeof fetch,
      spool: memorySpool(),
      deliveryAttempts: 1,
    });
    uploader.start({ id: 'r1', kind: 'relay', url: 'https://src.test/v/big.mp4', name: 'big.mp4', bytesTotal: 3000 });
    await vi.waitFor(() => expect(reports.some((r) => r.type === 'error')).toBe(true));
    expect(reports.find((r) => r.type === 'error')).toMatchObject({
      error: { code: 'upload_rejected', message: expect.stringMatching(/more than the 3000 bytes you confirmed/) },
    });
    expect(FakeXhr.all).toHaveLength(0);
    expect(relayCapOf(3000)).toBe(3000 + relayLimits.marginBytes);
    expect(relayCapOf(undefined)).toBe(relayLimits.unknownSizeCapBytes);
  });

  it('refuses a relay whose source declares more than the cap, before reading it', async () => {
    const reports: Report[] = [];
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const uploader = createUploader({
      send: fakeSend(() => ({ ok: true }), reports),
      fetch: (async () => new Response(body, { headers: { 'content-length': String(10 * 1024 * 1024) } })) as unknown as typeof fetch,
      spool: memorySpool(),
      deliveryAttempts: 1,
    });
    uploader.start({ id: 'r1', kind: 'relay', url: 'https://src.test/v/big.mp4', bytesTotal: 1000 });
    await vi.waitFor(() => expect(reports.some((r) => r.type === 'error')).toBe(true));
    expect(reports.find((r) => r.type === 'error')).toMatchObject({ error: { code: 'upload_rejected' } });
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it('stops a source that trickles (bytes keep coming, too few to finish)', async () => {
    const reports: Report[] = [];
    // One byte every 500 ms: never silent for stallMs (4 s), but far under the minimum throughput.
    let source: ReadableStreamDefaultController<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        source = controller;
      },
      async pull(controller) {
        await new Promise((r) => setTimeout(r, 500));
        controller.enqueue(new Uint8Array(1));
      },
    });
    const uploader = createUploader({
      send: fakeSend(() => ({ ok: true }), reports),
      // As a real fetch does, an aborted request errors its body.
      fetch: (async (_url: string, init: RequestInit) => {
        init.signal?.addEventListener('abort', () => source?.error(new DOMException('aborted', 'AbortError')));
        return new Response(body);
      }) as unknown as typeof fetch,
      spool: memorySpool(),
      stallMs: 4000,
      deliveryAttempts: 1,
    });
    uploader.start({ id: 'r1', kind: 'relay', url: 'https://src.test/v/slow.mp4' });
    for (let i = 0; i < 40 && !reports.some((r) => r.type === 'error'); i++) await vi.advanceTimersByTimeAsync(500);
    expect(reports.find((r) => r.type === 'error')).toMatchObject({ error: { code: 'timeout', message: expect.stringMatching(/too slow/) } });
  });

  it('stops reading an upload reply past its cap', async () => {
    const { uploader, reports } = setup();
    uploader.hold('j1', video());
    uploader.start({ id: 'j1', kind: 'file' });
    await flush();
    const xhr = FakeXhr.all[0]!;
    xhr.replying(uploadReplyCapBytes + 1);
    await flush();
    expect(xhr.aborted).toBe(true);
    expect(reports.find((r) => r.type === 'error')).toMatchObject({ error: { code: 'invalid_response', message: expect.stringMatching(/stopped reading/) } });
  });

  it('fails an upload the host redirected elsewhere instead of reading it as landed', async () => {
    const { uploader, reports } = setup();
    uploader.hold('j1', video());
    uploader.start({ id: 'j1', kind: 'file' });
    await flush();
    FakeXhr.all[0]!.reply(200, '{"status":200,"files":[{"filecode":"abc","status":"OK"}]}', 'https://evil.test/collect');
    await flush();
    expect(reports.find((r) => r.type === 'error')).toMatchObject({ error: { code: 'invalid_response', message: expect.stringMatching(/evil\.test/) } });
    expect(reports.some((r) => r.type === 'done')).toBe(false);
  });
});
