import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../lib/errors';
import type { Job } from '../../../../lib/queue/model/job';
import { interruptedMessage } from '../../../../lib/queue/model/machine';
import { deriveGroup, type JobEntry } from '../../../../lib/queue/model/group';
import { createQueueRunner, type QueueRunnerDeps } from '../../../../lib/queue/runner';
import { createJobStore, type JobStore } from '../../../../lib/queue/store';
import { fakeHost, job, type FakeHost } from '../fakes';

const MIN_POLL = 1_000;
const url = 'https://source.test/videos/My_Holiday.mp4';

interface Harness {
  store: JobStore;
  hosts: Record<string, FakeHost>;
  notified: JobEntry[];
  polls: number[];
  cancelPoll: ReturnType<typeof vi.fn>;
  runner: ReturnType<typeof createQueueRunner>;
  deps: QueueRunnerDeps;
}

function harness(extra: Partial<QueueRunnerDeps> = {}, store: JobStore = createJobStore()): Harness {
  const hosts: Record<string, FakeHost> = { acc1: fakeHost('one'), acc2: fakeHost('two') };
  const hostIds: Record<string, string> = { acc1: 'media.cm', acc2: 'vipstream.cc' };
  const notified: JobEntry[] = [];
  const polls: number[] = [];
  const cancelPoll = vi.fn();
  let n = 0;
  const deps: QueueRunnerDeps = {
    store,
    clientFor: async (id) => {
      const host = hosts[id];
      if (!host) throw new AppError('invalid_input', `no account ${id}`);
      return host.client;
    },
    hostIdOf: async (id) => hostIds[id],
    now: () => Date.now(),
    schedulePoll: (when) => polls.push(when),
    cancelPoll,
    notify: (j) => notified.push(j),
    minPollMs: MIN_POLL,
    // The watchdog alarm has tests of its own (runner-restart); these check the poll and backoff times alone.
    watchdogMs: 0,
    newId: () => `job${++n}`,
    random: () => 1,
    ...extra,
  };
  return { store, hosts, notified, polls, cancelPoll, runner: createQueueRunner(deps), deps };
}

/** Run the alarm: move the clock to the scheduled poll and call poll(). */
async function firePoll(h: Harness): Promise<void> {
  const when = h.polls.at(-1);
  if (when === undefined) throw new Error('no poll scheduled');
  vi.setSystemTime(Math.max(Date.now(), when));
  await h.runner.poll();
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('remote upload', () => {
  it('goes queued -> sending -> encoding -> ready and notifies once with links', async () => {
    const h = harness();
    const states: string[] = [];
    h.store.watch((jobs) => states.push(jobs[0]?.state ?? '-'));
    const queued = await h.runner.enqueueRemote('acc1', url, { public: true });
    expect(queued.state).toBe('queued');
    await h.runner.pump();

    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledWith(url, { public: true, acceptPending: true });
    let stored = await h.store.get(queued.id);
    expect(stored).toMatchObject({ state: 'encoding', fileCode: 'one1', links: { watch: 'https://one.test/one1' } });
    expect(h.polls).toEqual([Date.now() + MIN_POLL]);

    await firePoll(h);
    expect((await h.store.get(queued.id))?.state).toBe('encoding');
    expect(h.notified).toEqual([]);

    h.hosts.acc1.files.set('one1', { fileCode: 'one1', status: 'ready' });
    const pollsBefore = h.polls.length;
    await firePoll(h);
    stored = await h.store.get(queued.id);
    expect(stored).toMatchObject({ state: 'ready', progress: 100, links: { watch: 'https://one.test/one1', embed: 'https://one.test/e/one1' } });
    expect(h.notified.map((j) => j.state)).toEqual(['ready']);
    // Nothing left to watch: no further alarm.
    expect(h.polls).toHaveLength(pollsBefore);
    await vi.waitFor(() => expect(states).toContain('sending'));
    // The job was on disk as "sending" before the host was asked.
    expect(states.indexOf('sending')).toBeLessThan(states.indexOf('encoding'));
  });

  it('writes the job as sending before the request goes out', async () => {
    const h = harness();
    let stateDuringRequest: string | undefined;
    h.hosts.acc1.remoteUpload.mockImplementationOnce(async () => {
      stateDuringRequest = (await h.store.all())[0]?.state;
      return { fileCode: 'x1' };
    });
    await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    expect(stateDuringRequest).toBe('sending');
  });

  it('retries a server error after a backoff, checking the host first', async () => {
    const h = harness();
    h.hosts.acc1.remoteUpload.mockRejectedValueOnce(new AppError('server', 'The host had a problem (502). It will be retried.', { status: 502 }));
    const { id } = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();

    const waiting = await h.store.get(id);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, verify: true, error: { code: 'server', status: 502 } });
    expect(waiting?.nextAttemptAt).toBe(Date.now() + 30_000);
    expect(h.polls).toEqual([waiting?.nextAttemptAt]);

    // Polling early starts nothing: the retry delay is not over.
    vi.setSystemTime(Date.now() + 10_000);
    await h.runner.poll();
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);

    await firePoll(h);
    // The host's list is read before the second send, and once more after it landed (a second copy?).
    expect(h.hosts.acc1.listFiles).toHaveBeenCalledTimes(2);
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(2);
    expect(h.hosts.acc1.listFiles.mock.invocationCallOrder[0]).toBeLessThan(h.hosts.acc1.remoteUpload.mock.invocationCallOrder[1]!);
    expect(await h.store.get(id)).toMatchObject({ state: 'encoding', fileCode: 'one1', attempts: 2 });
    expect((await h.store.get(id))?.error).toBeUndefined();
  });

  it('does not send again when a timed-out send in fact reached the host', async () => {
    const h = harness();
    h.hosts.acc1.remoteUpload.mockImplementationOnce(async () => {
      h.hosts.acc1.files.set('landed', { fileCode: 'landed', title: 'My Holiday', status: 'encoding' });
      throw new AppError('timeout', 'The host did not answer in time.');
    });
    const { id } = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    await firePoll(h);
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);
    expect(await h.store.get(id)).toMatchObject({ state: 'encoding', fileCode: 'landed' });
  });

  it('gives up after the last automatic attempt and says what happened', async () => {
    const h = harness();
    h.hosts.acc1.remoteUpload.mockRejectedValue(new AppError('rate_limited', 'Too many requests; wait a little.'));
    const { id } = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    for (let i = 0; i < 4; i++) await firePoll(h);
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(5);
    expect(await h.store.get(id)).toMatchObject({ state: 'failed', error: { code: 'rate_limited' } });
    expect(h.notified).toHaveLength(1);
  });

  it.each([
    ['auth', 'Wrong API key: paste it again in Options.'],
    ['bandwidth', 'Bandwidth limit reached (509): wait or upgrade.'],
    ['legal', 'Unavailable for legal reasons (451).'],
  ] as const)('does not retry %s and shows the message', async (code, message) => {
    const h = harness();
    h.hosts.acc1.remoteUpload.mockRejectedValueOnce(new AppError(code, message));
    const { id } = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);
    expect(await h.store.get(id)).toMatchObject({ state: 'failed', error: { code, message } });
    expect(h.notified.map((j) => j.id)).toEqual([id]);
    expect(h.polls).toEqual([]);
  });

  it('rejects a URL a host cannot fetch, before storing anything', async () => {
    const h = harness();
    await expect(h.runner.enqueueRemote('acc1', 'ftp://x.test/a.mp4')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(h.runner.enqueueRemote('acc1', 'not a url')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await h.store.all()).toEqual([]);
  });

  it('fails a job whose account was removed instead of leaving it queued', async () => {
    const h = harness();
    const { id } = await h.runner.enqueueRemote('ghost', url);
    await h.runner.pump();
    expect(await h.store.get(id)).toMatchObject({ state: 'failed', error: { code: 'invalid_input', message: expect.stringMatching(/account/) } });
  });

  it('marks the job failed when something unexpected throws while polling', async () => {
    const h = harness();
    const { id } = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    h.hosts.acc1.files.set('one1', { fileCode: 'one1', status: 'ready' });
    (h.hosts.acc1.client as { links: unknown }).links = () => {
      throw new TypeError('template broke');
    };
    await firePoll(h);
    expect(await h.store.get(id)).toMatchObject({ state: 'failed', error: { message: 'Unexpected error: template broke' } });
  });

  it('fails encoding jobs the host says it could not process', async () => {
    const h = harness();
    const { id } = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    h.hosts.acc1.files.set('one1', { fileCode: 'one1', status: 'failed' });
    await firePoll(h);
    expect(await h.store.get(id)).toMatchObject({ state: 'failed', error: { code: 'upload_rejected' } });
  });

  it('keeps polling through a transient poll error, fails on a wrong key', async () => {
    const h = harness();
    const { id } = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    h.hosts.acc1.fileInfo.mockRejectedValueOnce(new AppError('network', 'offline'));
    await firePoll(h);
    expect((await h.store.get(id))?.state).toBe('encoding');
    h.hosts.acc1.fileInfo.mockRejectedValueOnce(new AppError('auth', 'Wrong key'));
    await firePoll(h);
    expect(await h.store.get(id)).toMatchObject({ state: 'failed', error: { code: 'auth' } });
  });

  it('retry of a failed encoding job watches the file again without a new upload', async () => {
    const h = harness();
    const { id } = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    h.hosts.acc1.fileInfo.mockRejectedValueOnce(new AppError('auth', 'Wrong key'));
    await firePoll(h);
    expect((await h.runner.retry(id)).state).toBe('encoding');
    await h.runner.pump();
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);
  });

  it('cancel stops a queued job without a notification', async () => {
    const h = harness({ limits: () => ({ perHost: 1, overall: 1 }) });
    const jobs = [await h.runner.enqueueRemote('acc1', url), await h.runner.enqueueRemote('acc1', url)];
    const cancelled = await h.runner.cancel(jobs[1].id);
    expect(cancelled).toMatchObject({ state: 'failed', cancelled: true });
    await h.runner.pump();
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);
    expect(h.notified).toEqual([]);
  });

  it('cancelling the last encoding job clears the poll alarm', async () => {
    const h = harness();
    const { id } = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    expect(h.polls).toHaveLength(1);
    await h.runner.cancel(id);
    expect(h.cancelPoll).toHaveBeenCalledTimes(1);
  });
});

describe('concurrency', () => {
  it('keeps to the per-host and overall limits', async () => {
    const h = harness({ limits: () => ({ perHost: 2, overall: 3 }) });
    let active = 0;
    const peak: Record<string, number> = {};
    let peakAll = 0;
    for (const [name, host] of Object.entries(h.hosts)) {
      let mine = 0;
      host.remoteUpload.mockImplementation(async () => {
        active++;
        mine++;
        peak[name] = Math.max(peak[name] ?? 0, mine);
        peakAll = Math.max(peakAll, active);
        await new Promise((resolve) => setTimeout(resolve, 100));
        active--;
        mine--;
        return { fileCode: `${name}-${Math.random()}` };
      });
    }
    for (let i = 0; i < 4; i++) await h.runner.enqueueRemote('acc1', url);
    for (let i = 0; i < 4; i++) await h.runner.enqueueRemote('acc2', url);
    let finished = false;
    const done = h.runner.pump().then(() => (finished = true));
    // The store's database work runs on real tasks between the fake timer steps.
    for (let step = 0; step < 200 && !finished; step++) {
      await vi.advanceTimersByTimeAsync(100);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
    expect(peak.acc1).toBe(2);
    expect(peak.acc2).toBeLessThanOrEqual(2);
    expect(peakAll).toBe(3);
    expect((await h.store.all()).every((j) => j.state === 'encoding')).toBe(true);
  });
});

describe('recover after a restart', () => {
  const sendingJob = (fields: Partial<Job> = {}) =>
    job({ id: 'r1', state: 'sending', url, attempts: 1, sentAt: Date.now() - 60_000, createdAt: Date.now() - 61_000, ...fields });

  it('finds a send that landed on the host and does not send it again', async () => {
    const store = createJobStore();
    await store.put(sendingJob());
    const h = harness({}, store);
    h.hosts.acc1.files.set('abc', { fileCode: 'abc', title: 'My Holiday', status: 'encoding' });
    await h.runner.recover();
    await h.runner.pump();
    expect(h.hosts.acc1.listFiles).toHaveBeenCalledWith(expect.objectContaining({ created: 6 }));
    expect(h.hosts.acc1.remoteUpload).not.toHaveBeenCalled();
    expect(await store.get('r1')).toMatchObject({ state: 'encoding', fileCode: 'abc', links: { watch: 'https://one.test/abc' } });
    expect(h.polls.length).toBeGreaterThan(0);
  });

  it('a send whose host checks took long marks when its request left, so a later cut counts its window from there', async () => {
    const store = createJobStore();
    await store.put(sendingJob());
    const h = harness({}, store);
    let writtenAtSend: number | undefined;
    let sentAt: number | undefined;
    h.hosts.acc1.listFiles.mockImplementationOnce(async () => {
      vi.setSystemTime(Date.now() + 20_000);
      return { files: [] };
    });
    h.hosts.acc1.remoteUpload.mockImplementation(async () => {
      writtenAtSend = (await store.get('r1'))?.updatedAt;
      sentAt = Date.now();
      return { fileCode: 'one1' };
    });
    await h.runner.recover();
    await h.runner.pump();
    expect(writtenAtSend).toBe(sentAt);
  });

  it('sends once when the host does not have it', async () => {
    const store = createJobStore();
    await store.put(sendingJob());
    const h = harness({}, store);
    h.hosts.acc1.files.set('zzz', { fileCode: 'zzz', title: 'Something else entirely', status: 'ready' });
    await h.runner.recover();
    await h.runner.pump();
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);
    expect(await store.get('r1')).toMatchObject({ state: 'encoding', fileCode: 'one1' });
  });

  it('does not claim a file another job already owns', async () => {
    const store = createJobStore();
    await store.put(sendingJob());
    await store.put(job({ id: 'other', state: 'ready', url, fileCode: 'abc', links: { watch: 'w' } }));
    const h = harness({}, store);
    h.hosts.acc1.files.set('abc', { fileCode: 'abc', title: 'My Holiday', status: 'ready' });
    await h.runner.recover();
    await h.runner.pump();
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);
  });

  it('asks the user when the host cannot be searched', async () => {
    const store = createJobStore();
    await store.put(sendingJob());
    const h = harness({}, store);
    h.hosts.acc1 = fakeHost('one', ['remoteUpload', 'fileInfo']);
    await h.runner.recover();
    await h.runner.pump();
    expect(h.hosts.acc1.remoteUpload).not.toHaveBeenCalled();
    const failed = await store.get('r1');
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'conflict', message: expect.stringMatching(/Look in your files/) } });
    expect(failed?.verify).toBeUndefined();
    await h.runner.retry('r1');
    await h.runner.pump();
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);
  });

  it('turns a cut file upload into "interrupted: choose the file again"', async () => {
    const store = createJobStore();
    const file = { name: 'clip.mp4', size: 1000, type: 'video/mp4', lastModified: 1 };
    await store.put(job({ id: 'f1', kind: 'file', state: 'uploading', file, bytesSent: 400, bytesTotal: 1000 }));
    const h = harness({}, store);
    await h.runner.recover();
    expect(await store.get('f1')).toMatchObject({ state: 'interrupted', error: { message: interruptedMessage }, bytesSent: 400 });
    expect(h.notified.map((j) => j.id)).toEqual(['f1']);
  });

  it('leaves a file upload alone while the uploader still runs it', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'f1', kind: 'file', state: 'uploading' }));
    const h = harness({ uploadAlive: async () => true }, store);
    await h.runner.recover();
    expect((await store.get('f1'))?.state).toBe('uploading');
  });

  it('resumes polling encoding jobs', async () => {
    const store = createJobStore();
    await store.put(job({ id: 'e1', state: 'encoding', fileCode: 'abc' }));
    const h = harness({}, store);
    h.hosts.acc1.files.set('abc', { fileCode: 'abc', status: 'ready' });
    await h.runner.recover();
    expect(h.polls).toEqual([Date.now() + MIN_POLL]);
    await firePoll(h);
    expect((await store.get('e1'))?.state).toBe('ready');
  });
});

describe('file uploads', () => {
  it('hands the job to the uploader and follows its reports', async () => {
    const started: Job[] = [];
    const h = harness({ uploadFile: async (j) => void started.push(j) });
    const file = { name: 'clip.mp4', size: 1000, type: 'video/mp4', lastModified: 1 };
    const { id } = await h.runner.enqueueFile('acc1', file);
    await h.runner.pump();
    expect(started.map((j) => [j.id, j.state])).toEqual([[id, 'sending']]);

    await h.runner.report(id, { type: 'progress', bytesSent: 100, bytesTotal: 1000 });
    vi.setSystemTime(Date.now() + 1000);
    const moving = await h.runner.report(id, { type: 'progress', bytesSent: 600, bytesTotal: 1000 });
    expect(moving).toMatchObject({ state: 'uploading', progress: 60, speed: 500 });
    await h.runner.report(id, { type: 'uploaded', fileCode: 'f1', links: { watch: 'https://one.test/f1' } });
    expect(await h.store.get(id)).toMatchObject({ state: 'encoding', fileCode: 'f1', bytesSent: 1000 });
    expect(h.polls.length).toBe(1);
  });

  it('on a host with no file info but a list of running conversions (Streamtape), is ready once its file no longer converts', async () => {
    const h = harness({ uploadFile: async () => undefined });
    h.hosts.acc1 = fakeHost('one', ['upload', 'encodings']);
    const { id } = await h.runner.enqueueFile('acc1', { name: 'clip.mp4', size: 1000, type: 'video/mp4', lastModified: 1 });
    await h.runner.pump();
    await h.runner.report(id, { type: 'uploaded', fileCode: 'f1', links: { watch: 'https://one.test/f1' } });
    h.hosts.acc1.encodings.mockResolvedValueOnce([{ fileCode: 'f1', progress: 40 }]);
    await firePoll(h);
    expect(await h.store.get(id)).toMatchObject({ state: 'encoding', progress: 40 });
    expect(h.hosts.acc1.fileInfo).not.toHaveBeenCalled();
    await firePoll(h);
    expect(await h.store.get(id)).toMatchObject({ state: 'ready', fileCode: 'f1' });
    // A list the host failed to give says nothing: the job keeps waiting.
    const other = await h.runner.enqueueFile('acc1', { name: 'b.mp4', size: 1, type: 'video/mp4', lastModified: 1 });
    await h.runner.pump();
    await h.runner.report(other.id, { type: 'uploaded', fileCode: 'f2', links: { watch: 'https://one.test/f2' } });
    h.hosts.acc1.encodings.mockRejectedValueOnce(new AppError('server', 'down'));
    await firePoll(h);
    expect(await h.store.get(other.id)).toMatchObject({ state: 'encoding' });
  });

  it('marks the job failed when the uploader cannot take it', async () => {
    const h = harness({ uploadFile: async () => Promise.reject(new AppError('network', 'Upload server unreachable.')) });
    const { id } = await h.runner.enqueueFile('acc1', { name: 'a.mp4', size: 1, type: 'video/mp4', lastModified: 1 });
    await h.runner.pump();
    expect(await h.store.get(id)).toMatchObject({ state: 'failed', error: { code: 'network' } });
  });
});

describe('mirror', () => {
  const mirrorOf = async (h: ReturnType<typeof harness>, id: string) => deriveGroup(id, await h.store.members([id]));

  it('sends to every account and combines the links once all are ready', async () => {
    const h = harness();
    const mirror = await h.runner.enqueueMirror(['acc2', 'acc1'], url);
    await h.runner.pump();
    expect(h.hosts.acc1.remoteUpload).toHaveBeenCalledTimes(1);
    expect(h.hosts.acc2.remoteUpload).toHaveBeenCalledTimes(1);
    expect((await mirrorOf(h, mirror.id)).state).toBe('encoding');

    h.hosts.acc1.files.set('one1', { fileCode: 'one1', status: 'ready' });
    await firePoll(h);
    expect((await mirrorOf(h, mirror.id)).state).toBe('encoding');
    expect(h.notified).toEqual([]);

    h.hosts.acc2.files.set('two1', { fileCode: 'two1', status: 'ready' });
    await firePoll(h);
    const done = await mirrorOf(h, mirror.id);
    expect(done).toMatchObject({ state: 'ready', progress: 100 });
    // In the order the accounts were given, not the order they finished.
    expect(done.links.map((l) => [l.accountId, l.links.watch])).toEqual([
      ['acc2', 'https://two.test/two1'],
      ['acc1', 'https://one.test/one1'],
    ]);
    expect(h.notified.map((j) => [j.kind, j.id])).toEqual([['mirror', mirror.id]]);
  });

  it('fails the mirror when a member fails, keeping the links that worked', async () => {
    const h = harness();
    h.hosts.acc2.remoteUpload.mockRejectedValueOnce(new AppError('auth', 'Wrong key for vipstream.cc'));
    const mirror = await h.runner.enqueueMirror(['acc1', 'acc2'], url);
    await h.runner.pump();
    h.hosts.acc1.files.set('one1', { fileCode: 'one1', status: 'ready' });
    await firePoll(h);
    const done = await mirrorOf(h, mirror.id);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'auth', message: '1 of 2 mirrors did not finish. Wrong key for vipstream.cc' } });
    expect(done.links).toHaveLength(1);
    expect(h.notified.map((j) => j.id)).toEqual([mirror.id]);
  });

  it('retry, cancel and remove by the mirror id act on its members', async () => {
    const h = harness();
    h.hosts.acc2.remoteUpload.mockRejectedValueOnce(new AppError('bandwidth', 'Bandwidth exceeded'));
    const mirror = await h.runner.enqueueMirror(['acc1', 'acc2'], url);
    await h.runner.pump();
    expect(await h.runner.retry(mirror.id)).toMatchObject({ kind: 'mirror', id: mirror.id });
    await h.runner.pump();
    expect(h.hosts.acc2.remoteUpload).toHaveBeenCalledTimes(2);
    expect((await mirrorOf(h, mirror.id)).state).toBe('encoding');
    const cancelled = await h.runner.cancel(mirror.id);
    expect(cancelled).toMatchObject({ kind: 'mirror', state: 'failed', cancelled: true });
    // Every member was cancelled by the user: nobody is told it failed.
    expect(h.notified).toEqual([]);
    await h.runner.remove(mirror.id);
    expect(await h.store.all()).toEqual([]);
    await expect(h.runner.retry(mirror.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a member removed alone leaves the mirror to the others', async () => {
    const h = harness();
    const mirror = await h.runner.enqueueMirror(['acc1', 'acc2'], url);
    await h.runner.remove(mirror.members[0]!.id);
    const left = await mirrorOf(h, mirror.id);
    expect(left.members.map((m) => m.accountId)).toEqual(['acc2']);
  });

  it('refuses an empty account list', async () => {
    const h = harness();
    await expect(h.runner.enqueueMirror([], url)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
