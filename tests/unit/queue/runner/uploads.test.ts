import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../lib/errors';
import { interruptedMessage } from '../../../../lib/queue/model/machine';
import { interruptedRelayMessage } from '../../../../lib/queue/runner';
import { createJobStore } from '../../../../lib/queue/store';
import { job } from '../fakes';
import { fileRunner } from './file-runner';

// The runner's side of file uploads and relays: what the uploader reports
// moves the job, transient errors back off, and a send that may have landed
// is looked for on the host before any second upload.

const file = { name: 'Beach Day.mp4', size: 1000, type: 'video/mp4', lastModified: 1 };

const setup = fileRunner;

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

describe('file jobs from the uploader', () => {
  it('uses the id the page gave and refuses a duplicate id', async () => {
    const { runner } = setup();
    const id = '0b7e1c52-6a43-4f5e-9a57-2b8a8c6b0a11';
    expect((await runner.enqueueFile('acc1', file, {}, { id })).id).toBe(id);
    await expect(runner.enqueueFile('acc1', file, {}, { id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('goes to encoding with links when the upload is done', async () => {
    const { runner, store } = setup();
    const { id } = await runner.enqueueFile('acc1', file);
    await runner.pump();
    await runner.uploadDone(id, 'abc123');
    expect(await store.get(id)).toMatchObject({ state: 'encoding', fileCode: 'abc123', links: { watch: 'https://one.test/abc123' } });
  });

  it('backs off after a dropped connection cut before the last byte, and resends without a host check', async () => {
    const { runner, store, started, host } = setup();
    const { id } = await runner.enqueueFile('acc1', file);
    await runner.pump();
    await runner.uploadFailed(id, new AppError('network', 'dropped'), { bodySent: false });
    const deferred = await store.get(id);
    expect(deferred).toMatchObject({ state: 'queued', error: { code: 'network' } });
    expect(deferred?.verify).toBeUndefined();
    expect(deferred!.nextAttemptAt!).toBeGreaterThan(Date.now());
    vi.setSystemTime(deferred!.nextAttemptAt!);
    await runner.poll();
    expect(started).toHaveLength(2);
    expect(host.listFiles).not.toHaveBeenCalled();
  });

  it('looks on the host before resending an upload whose body had gone out, and takes the file it finds', async () => {
    const { runner, store, started, host } = setup();
    const { id } = await runner.enqueueFile('acc1', file);
    await runner.pump();
    await runner.uploadFailed(id, new AppError('timeout', 'no answer'), { bodySent: true });
    expect((await store.get(id))?.verify).toBe(true);
    host.files.set('landed1', { fileCode: 'landed1', title: 'Beach Day', status: 'encoding' });
    vi.setSystemTime((await store.get(id))!.nextAttemptAt!);
    await runner.poll();
    expect(started).toHaveLength(1);
    expect(await store.get(id)).toMatchObject({ state: 'encoding', fileCode: 'landed1' });
  });

  it('fails at once on errors a retry cannot fix (509)', async () => {
    const { runner, store } = setup();
    const { id } = await runner.enqueueFile('acc1', file);
    await runner.pump();
    await runner.uploadFailed(id, new AppError('bandwidth', 'Bandwidth used up (509).', { status: 509 }));
    expect(await store.get(id)).toMatchObject({ state: 'failed', error: { code: 'bandwidth', status: 509 } });
  });

  it('gives up after the last automatic attempt and says what happened', async () => {
    const { runner, store } = setup();
    await store.put(job({ id: 'f1', kind: 'file', file, state: 'uploading', attempts: 5 }));
    await runner.uploadFailed('f1', new AppError('server', 'The host had a server error (502).'));
    expect(await store.get('f1')).toMatchObject({ state: 'failed', error: { code: 'server' } });
  });

  it('interrupts a file job no uploader holds a File for', async () => {
    const { runner, store } = setup({ uploadFile: async () => 'no-file' });
    const { id } = await runner.enqueueFile('acc1', file);
    await runner.pump();
    expect(await store.get(id)).toMatchObject({ state: 'interrupted', error: { message: interruptedMessage } });
  });

  it('keeps the file code of an upload that finished after the user cancelled it', async () => {
    const { runner, store } = setup();
    const { id } = await runner.enqueueFile('acc1', file);
    await runner.pump();
    await runner.cancel(id);
    await runner.uploadDone(id, 'late1');
    expect(await store.get(id)).toMatchObject({ state: 'failed', cancelled: true, fileCode: 'late1' });
    expect((await runner.retry(id)).state).toBe('encoding');
  });

  it('ignores a failure report for a job no longer being sent', async () => {
    const { runner, store } = setup();
    const { id } = await runner.enqueueFile('acc1', file);
    await runner.pump();
    await runner.uploadDone(id, 'abc');
    await runner.uploadFailed(id, new AppError('network', 'late'));
    expect((await store.get(id))?.state).toBe('encoding');
  });
});

describe('restart', () => {
  it('queues again a job whose File the uploader still holds but was not sending', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'f1', kind: 'file', file, state: 'sending' }));
    const { runner } = setup({ store, uploadAlive: async () => 'held', uploadFile: undefined });
    await runner.recover();
    expect((await store.get('f1'))?.state).toBe('queued');
  });

  it('leaves a live relay alone and interrupts a lost one with its own message', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'live', kind: 'relay', url: 'https://src.test/a.mp4', state: 'uploading' }));
    await store.put(job({ id: 'lost', kind: 'relay', url: 'https://src.test/b.mp4', state: 'uploading' }));
    const { runner } = setup({ store, uploadAlive: async (j) => j.id === 'live' });
    await runner.recover();
    expect((await store.get('live'))?.state).toBe('uploading');
    expect(await store.get('lost')).toMatchObject({ state: 'interrupted', error: { message: interruptedRelayMessage } });
  });

  it('queues a lost stream relay again by itself: it goes on from the segments it spooled', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'hls', kind: 'relay', url: 'https://src.test/a/media.m3u8', stream: 'hls', phase: 'download', state: 'uploading' } as never));
    await store.put(job({ id: 'plain', kind: 'relay', url: 'https://src.test/b.mp4', phase: 'download', state: 'uploading' }));
    const { runner } = setup({ store, uploadAlive: async () => false, uploadFile: undefined });
    await runner.recover();
    expect(await store.get('hls')).toMatchObject({ state: 'queued', stream: 'hls' });
    expect(await store.get('plain')).toMatchObject({ state: 'interrupted' });
  });
});

describe('relay jobs', () => {
  it('queue with the confirmed size and a title from the URL, and show download then upload progress', async () => {
    const { runner, store, started } = setup();
    const relay = await runner.enqueueRelay('acc1', 'https://src.test/videos/Trip%20Home.mp4', {}, { bytesTotal: 5000 });
    expect(relay).toMatchObject({ kind: 'relay', bytesTotal: 5000, title: 'Trip Home.mp4' });
    await runner.pump();
    expect(started.map((j) => j.kind)).toEqual(['relay']);
    await runner.report(relay.id, { type: 'progress', bytesSent: 2500, bytesTotal: 5000, phase: 'download' });
    expect(await store.get(relay.id)).toMatchObject({ state: 'uploading', phase: 'download', progress: 50 });
    vi.setSystemTime(Date.now() + 1000);
    await runner.report(relay.id, { type: 'progress', bytesSent: 100, bytesTotal: 5000, phase: 'upload' });
    const uploading = await store.get(relay.id);
    expect(uploading).toMatchObject({ phase: 'upload', progress: 2 });
    // A new phase starts its own speed, not a negative one from the old byte count.
    expect(uploading).not.toHaveProperty('speed');
  });

  it('refuses a URL that is not http(s)', async () => {
    const { runner } = setup();
    await expect(runner.enqueueRelay('acc1', 'ftp://x.test/a.mp4')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
