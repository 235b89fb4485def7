import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../../lib/queue/model/job';
import { foundNote, type QueueRunnerDeps } from '../../../../lib/queue/runner';
import { job } from '../fakes';
import { fileRunner } from './file-runner';

// What a stopped worker or a browser restart must not cost: an upload that
// landed is found instead of sent twice, a late report is never overruled by
// recovery, work left keeps an alarm, and the next poll keeps its time.

const file = { name: 'Beach Day.mp4', size: 1000, type: 'video/mp4', lastModified: 1 };
const now = 1_700_000_000_000;

function setup(extra: Partial<QueueRunnerDeps> = {}) {
  const polls: number[] = [];
  const { started: uploads, ...runner } = fileRunner({
    schedulePoll: (when) => polls.push(when),
    uploadAlive: async () => false,
    watchdogMs: 60_000,
    ...extra,
  });
  return { ...runner, polls, uploads };
}

const cut = (fields: Partial<Job> = {}) =>
  job({
    id: 'f1',
    kind: 'file',
    file,
    title: file.name,
    state: 'uploading',
    bytesSent: 1000,
    bytesTotal: 1000,
    sentAt: now - 60_000,
    createdAt: now - 61_000,
    ...fields,
  });

beforeEach(() => vi.useFakeTimers({ now }));
afterEach(() => vi.useRealTimers());

describe('an upload cut off by a restart', () => {
  it('is looked for on the host by name and size, and found, it is not sent again', async () => {
    const h = setup();
    h.host.files.set('landed1', { fileCode: 'landed1', title: 'Beach Day', size: 1000, status: 'ready' });
    await h.store.put(cut());
    await h.runner.recover();
    expect(await h.store.get('f1')).toMatchObject({ state: 'encoding', fileCode: 'landed1', note: foundNote });
    expect(h.uploads).toEqual([]);
  });

  it('is not taken for a file of the same name but another size', async () => {
    const h = setup();
    h.host.files.set('other', { fileCode: 'other', title: 'Beach Day', size: 999, status: 'ready' });
    await h.store.put(cut());
    await h.runner.recover();
    expect(await h.store.get('f1')).toMatchObject({ state: 'interrupted' });
  });

  it('when the host cannot be asked, becomes "choose the file again" and the retry looks first', async () => {
    const h = setup();
    h.host.listFiles.mockRejectedValueOnce(new Error('offline'));
    await h.store.put(cut());
    await h.runner.recover();
    expect(await h.store.get('f1')).toMatchObject({ state: 'interrupted', verify: true });
    h.host.files.set('late', { fileCode: 'late', title: 'Beach Day.mp4', size: 1000, status: 'ready' });
    await h.runner.retry('f1');
    await h.runner.pump();
    expect(await h.store.get('f1')).toMatchObject({ state: 'encoding', fileCode: 'late', note: foundNote });
    expect(h.uploads).toEqual([]);
  });
});

describe('recovery and the uploader report through one path', () => {
  it('a success reported while recovery runs is never overruled by an older view of the job', async () => {
    let answerAlive: ((value: 'held') => void) | undefined;
    const h = setup({ uploadAlive: () => new Promise((resolve) => (answerAlive = resolve)) });
    await h.store.put(cut({ state: 'sending', bytesSent: undefined }));
    const recovering = h.runner.recover();
    const reported = h.runner.uploadDone('f1', 'abc');
    for (let i = 0; i < 500 && !answerAlive; i++) await new Promise((resolve) => setImmediate(resolve));
    answerAlive!('held');
    await Promise.all([recovering, reported]);
    const final = await h.store.get('f1');
    expect(final?.state === 'encoding' || final?.state === 'queued').toBe(true);
    expect(final?.state).not.toBe('failed');
    expect(final?.error).toBeUndefined();
  });

  it('a report that arrives first leaves recovery nothing to do', async () => {
    const h = setup({ uploadAlive: async () => 'held' });
    await h.store.put(cut({ state: 'sending', bytesSent: undefined }));
    await Promise.all([h.runner.uploadDone('f1', 'abc'), h.runner.recover()]);
    expect(await h.store.get('f1')).toMatchObject({ state: 'encoding', fileCode: 'abc' });
  });
});

describe('alarms across worker starts', () => {
  it('keeps an alarm while jobs are queued or in flight, so a stopped worker is woken', async () => {
    const h = setup();
    h.host.remoteUpload.mockImplementation(() => new Promise(() => undefined));
    await h.runner.enqueueRemote('acc1', 'https://src.test/a.mp4');
    void h.runner.pump();
    await h.runner.recover();
    expect(h.polls.at(-1)).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it('a new worker keeps the poll time the last one set instead of pushing it out', async () => {
    const first = setup();
    await first.store.put(job({ id: 'e1', state: 'encoding', fileCode: 'one1' }));
    await first.runner.recover();
    const set = first.polls.at(-1)!;
    expect(set).toBe(now + 1_000);
    vi.setSystemTime(now + 600);
    // A new worker: the alarm is still set for `set`.
    const second = setup({ store: first.store, scheduledPoll: async () => set });
    await second.runner.recover();
    expect(second.polls).toEqual([]);
    // Without the alarm API's answer, the time kept in the database serves.
    const fourth = setup({ store: first.store });
    await fourth.runner.recover();
    expect(fourth.polls).toEqual([]);
  });
});
