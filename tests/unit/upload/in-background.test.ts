import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackgroundUploader } from '../../../lib/upload/background/in-background';
import type { UploaderReportHandlers } from '../../../lib/upload/background/bridge';

// Firefox's uploader in the event page: commands and reports are plain calls,
// and the page is kept alive exactly while it holds work.

const video = () => new File([new Uint8Array(100)], 'clip.mp4', { type: 'video/mp4' });

function setup() {
  let work = true;
  const needed = vi.fn(async ({ jobIds }: { jobIds: string[] }) => ({ needed: work ? jobIds : [] }));
  const reports = { 'uploaderReport.needed': needed, 'uploaderReport.idle': vi.fn(async () => ({ ok: true })) } as unknown as UploaderReportHandlers;
  const keepAlive = vi.fn(async () => ({}));
  const local = startBackgroundUploader({ reports: () => reports, workLeft: async () => work, keepAlive, everyMs: 100 });
  return { local, keepAlive, needed, reports, finish: () => (work = false) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the uploader in the Firefox event page', () => {
  it('answers commands by plain calls, silent about jobs it does not hold', async () => {
    const { local } = setup();
    await expect(local.broadcast('uploader.alive', { jobIds: ['j1'] })).resolves.toBeUndefined();
    local.hold('j1', video());
    await expect(local.broadcast('uploader.alive', { jobIds: ['j1'] })).resolves.toEqual({ ok: true, data: { running: [], held: ['j1'] } });
    await expect(local.broadcast('uploader.start', { job: { id: 'j2', kind: 'file' } })).resolves.toBeUndefined();
  });

  it('keeps the page alive while it holds a File the queue still has to send, then lets it go', async () => {
    const { local, keepAlive, needed, reports, finish } = setup();
    await vi.advanceTimersByTimeAsync(500);
    expect(keepAlive).not.toHaveBeenCalled();

    local.hold('j1', video());
    await vi.advanceTimersByTimeAsync(350);
    expect(keepAlive).toHaveBeenCalledTimes(3);

    // The job is done: the next tick drops the File (the queue no longer needs it) and stops calling.
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(needed).toHaveBeenCalledWith({ jobIds: ['j1'] }, { documentId: 'background' });
    expect(reports['uploaderReport.idle']).toHaveBeenCalled();
    expect(local.uploader.holds('j1')).toBe(false);
    const calls = keepAlive.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(keepAlive).toHaveBeenCalledTimes(calls);
  });
});
