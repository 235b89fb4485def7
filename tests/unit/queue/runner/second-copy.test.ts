// @vitest-environment node
// A send that landed twice: the connection dropped after the host stored
// the request, and the browser sent it again by itself, so the answer
// VidRelay read names the second file. Against host-sim (its own list
// endpoint and time format) with only the clock faked: the first file is
// put on the host as that lost request left it, then the job lands.
import { describe, expect, it } from 'vitest';
import { createHostClient } from '../../../../lib/hosts';
import type { HostClient, HostId } from '../../../../lib/hosts/types';
import { secondCopyNote, secondCopyRemovedNote } from '../../../../lib/queue/model/states';
import { createJobStore } from '../../../../lib/queue/store';
import type { HostSim } from '../../../host-sim';
import { xfsTime } from '../../../host-sim/time';
import { hostSimWithFakeClock, runnerOver } from './host-sim-runner';

let sim: HostSim;
hostSimWithFakeClock({ encodeMs: 60_000 }, (started) => (sim = started));

let keys = 0;
function account(hostId: HostId) {
  const key = `copyKey${++keys}`;
  const { login } = sim.addAccount({ hostId, key });
  const client: HostClient = createHostClient({ id: 'acc1', hostId, apiBase: sim.apiBase(hostId), key, login }, { backoffMs: 1 });
  const codes = () => [...sim.accountFor(hostId, key)!.files.keys()];
  return { key, client, codes, add: (file: Parameters<HostSim['addFile']>[2]) => sim.addFile(hostId, key, file) };
}

describe('a remote upload that landed twice', () => {
  it('says the host holds a second copy, and removes that copy (only it) when asked', async () => {
    const a = account('media.cm');
    // What the request whose answer was lost left on the host, a moment ago.
    const lost = a.add({ title: 'trailer', size: 0, status: 'encoding', uploaded: xfsTime(Date.now() - 1_000) });
    const store = createJobStore();
    const runner = runnerOver(store, a.client, 'media.cm');
    const job = await runner.enqueueRemote('acc1', sim.videoUrl('trailer', 4096));
    await runner.pump();

    const landed = await store.get(job.id);
    expect(landed).toMatchObject({ state: 'encoding', note: secondCopyNote, secondCopy: { codes: [lost.code], removable: true } });
    expect(landed!.fileCode).not.toBe(lost.code);

    const after = await runner.removeSecondCopy(job.id);
    expect(after).toMatchObject({ note: secondCopyRemovedNote, fileCode: landed!.fileCode });
    expect(after).not.toHaveProperty('secondCopy');
    expect(a.codes()).toEqual([landed!.fileCode]);
    await expect(runner.removeSecondCopy(job.id)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('on a host that cannot delete files, says so without offering the removal', async () => {
    const a = account('vipstream.cc');
    const lost = a.add({ title: 'teaser', size: 0, status: 'encoding' });
    const store = createJobStore();
    const runner = runnerOver(store, a.client, 'vipstream.cc');
    const job = await runner.enqueueRemote('acc1', sim.videoUrl('teaser', 4096));
    await runner.pump();
    expect(await store.get(job.id)).toMatchObject({ note: secondCopyNote, secondCopy: { codes: [lost.code], removable: false } });
    await expect(runner.removeSecondCopy(job.id)).rejects.toMatchObject({ code: 'unsupported' });
    expect(a.codes()).toContain(lost.code);
  });

  it('says nothing of a file of the same title made long before the send, or one another job owns', async () => {
    const a = account('media.cm');
    a.add({ title: 'clip', uploaded: xfsTime(Date.now() - 3 * 60 * 60_000) });
    const store = createJobStore();
    const runner = runnerOver(store, a.client, 'media.cm');
    const first = await runner.enqueueRemote('acc1', sim.videoUrl('clip', 4096));
    await runner.pump();
    // The same URL sent again on purpose: each job's file is its own.
    const second = await runner.enqueueRemote('acc1', sim.videoUrl('clip', 4096));
    await runner.pump();
    for (const id of [first.id, second.id]) {
      const job = await store.get(id);
      expect(job).toMatchObject({ state: 'encoding' });
      expect(job).not.toHaveProperty('note');
      expect(job).not.toHaveProperty('secondCopy');
    }
  });

  it('measures against the host clock: a host writing its times hours ahead still shows the copy', async () => {
    const a = account('media.cm');
    const ahead = 5 * 60 * 60_000;
    const lost = a.add({ title: 'zoned', size: 0, status: 'encoding', uploaded: xfsTime(Date.now() + ahead) });
    const store = createJobStore();
    const runner = runnerOver(store, a.client, 'media.cm');
    const job = await runner.enqueueRemote('acc1', sim.videoUrl('zoned', 4096));
    await runner.pump();
    const own = (await store.get(job.id))!.fileCode!;
    sim.accountFor('media.cm', a.key)!.files.get(own)!.uploaded = xfsTime(Date.now() + ahead);
    // Asked afresh: the job's own file, listed at the host's time, is the yardstick.
    await store.update(job.id, (current) => ({ ...current, note: undefined, secondCopy: undefined }));
    const { createSecondCopies } = await import('../../../../lib/queue/runner/second-copy');
    await createSecondCopies({ store, now: () => Date.now(), clientFor: async () => a.client }).check(job.id, a.client);
    expect(await store.get(job.id)).toMatchObject({ secondCopy: { codes: [lost.code] } });
  });
});

describe('a file upload that landed twice', () => {
  it('finds the copy by its size when the host renamed it (megamax.me: sizes listed, ISO times, no deleting)', async () => {
    const a = account('megamax.me');
    const size = 123_457;
    a.add({ title: 'holiday', size: 5_000, uploaded: xfsTime(Date.now() - 1_000) });
    const lost = a.add({ title: 'renamed by the host', size });
    const own = a.add({ title: 'holiday', size });
    const store = createJobStore();
    const runner = runnerOver(store, a.client, 'megamax.me', { uploadFile: async () => undefined });
    const job = await runner.enqueueFile('acc1', { name: 'holiday.mp4', size, type: 'video/mp4', lastModified: 1 });
    await runner.pump();
    expect(await store.get(job.id)).toMatchObject({ state: 'sending' });
    await runner.uploadDone(job.id, own.code);
    // The same title with another size is another video; the same size under another name is this one.
    expect(await store.get(job.id)).toMatchObject({
      state: 'encoding',
      fileCode: own.code,
      note: secondCopyNote,
      secondCopy: { codes: [lost.code], removable: false },
    });
  });

  it('a relay measures by the size it downloaded where the host lists its file under another name', async () => {
    const a = account('megamax.me');
    const size = 77_777;
    const lost = a.add({ title: 'upload', size });
    const own = a.add({ title: 'upload 2', size });
    const store = createJobStore();
    const runner = runnerOver(store, a.client, 'megamax.me', { uploadFile: async () => undefined });
    const job = await runner.enqueueRelay('acc1', 'https://cdn.example/watch?v=1', {}, { title: 'Trailer', bytesTotal: size });
    await runner.pump();
    await runner.uploadDone(job.id, own.code);
    expect(await store.get(job.id)).toMatchObject({ fileCode: own.code, note: secondCopyNote, secondCopy: { codes: [lost.code] } });
  });
});
