import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../lib/errors';
import { deriveGroup, type JobEntry } from '../../../../lib/queue/model/group';
import { fileRunner } from './file-runner';

// One file to several accounts: a mirror of one file job per account,
// uploaded in parallel, derived with every account's outcome.

const file = { name: 'Trailer.mp4', size: 1000, type: 'video/mp4', lastModified: 1 };
const ids = ['0b7e1c52-6a43-4f5e-9a57-2b8a8c6b0a11', '1b7e1c52-6a43-4f5e-9a57-2b8a8c6b0a12', '2b7e1c52-6a43-4f5e-9a57-2b8a8c6b0a13'];

function setup() {
  const notified: JobEntry[] = [];
  // Each account on its own host: the per-host limit lets all three run at once.
  const { started, store, runner } = fileRunner({ hostIdOf: async (accountId) => accountId, notify: (job) => void notified.push(job) });
  return { started, notified, store, runner };
}

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

describe('file mirrors', () => {
  it('queues one file job per account under the ids the page gave, and starts them in parallel', async () => {
    const { runner, store, started } = setup();
    const targets = ['a', 'b', 'c'].map((accountId, i) => ({ accountId, id: ids[i], options: { title: `T ${accountId}` } }));
    const mirror = await runner.enqueueFileMirror(file, targets);
    expect(mirror).toMatchObject({ kind: 'mirror', file, accountId: 'a', title: 'Trailer.mp4', state: 'queued' });
    expect(mirror.members.map((m) => m.id)).toEqual(ids);
    // Nothing is stored for the mirror itself: only its members, each with its place.
    expect(await store.get(mirror.id)).toBeUndefined();
    const children = await Promise.all(ids.map((id) => store.get(id)));
    expect(children.map((c) => [c?.kind, c?.accountId, c?.group, c?.options.title])).toEqual([
      ['file', 'a', { id: mirror.id, index: 0 }, 'T a'],
      ['file', 'b', { id: mirror.id, index: 1 }, 'T b'],
      ['file', 'c', { id: mirror.id, index: 2 }, 'T c'],
    ]);
    await runner.pump();
    expect(started.map((j) => j.id).sort()).toEqual([...ids].sort());
  });

  it('ends as one result with every account: two links and the failing one’s error', async () => {
    const { runner, store, notified } = setup();
    const parent = await runner.enqueueFileMirror(
      file,
      ['a', 'b', 'c'].map((accountId, i) => ({ accountId, id: ids[i] })),
    );
    await runner.pump();
    await runner.uploadDone(ids[0], 'code0');
    await runner.uploadFailed(ids[1], new AppError('auth', 'watching.vn rejected the API key. Check the key in Options.'));
    await runner.uploadDone(ids[2], 'code2');
    for (const [i, id] of [ids[0], ids[2]].entries()) await runner.report(id, { type: 'ready', links: { watch: `https://host${i}.test/w` } });
    const derived = deriveGroup(parent.id, await store.members([parent.id]));
    expect(derived).toMatchObject({
      state: 'failed',
      error: { code: 'auth', message: expect.stringMatching(/^1 of 3 mirrors did not finish\. watching\.vn rejected/) },
    });
    expect(derived.links.map((l) => [l.jobId, l.links.watch])).toEqual([
      [ids[0], 'https://host0.test/w'],
      [ids[2], 'https://host1.test/w'],
    ]);
    expect((await store.get(ids[0]))?.links?.watch).toBe('https://host0.test/w');
    // Told once, as the mirror, when its last member ended.
    expect(notified.map((j) => [j.kind, j.id])).toEqual([['mirror', parent.id]]);
  });

  it('refuses fewer than two accounts, an account twice, and an id already queued', async () => {
    const { runner } = setup();
    await expect(runner.enqueueFileMirror(file, [{ accountId: 'a', id: ids[0] }])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      runner.enqueueFileMirror(file, [
        { accountId: 'a', id: ids[0] },
        { accountId: 'a', id: ids[1] },
      ]),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await runner.enqueueFile('a', file, {}, { id: ids[0] });
    await expect(
      runner.enqueueFileMirror(file, [
        { accountId: 'a', id: ids[0] },
        { accountId: 'b', id: ids[1] },
      ]),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
