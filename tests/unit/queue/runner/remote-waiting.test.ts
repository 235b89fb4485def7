// @vitest-environment node
// Remote uploads the host takes without naming the file ("WORKING"), and
// hosts that count remote-upload slots, against host-sim with a fake clock:
// one upload/url request, never a failure, matched later from the host's
// own lists; no request while every slot is taken.
import { describe, expect, it, vi } from 'vitest';
import { createHostClient } from '../../../../lib/hosts';
import type { HostClient, HostId } from '../../../../lib/hosts/types';
import type { createQueueRunner } from '../../../../lib/queue/runner';
import { slotWaitMs } from '../../../../lib/queue/drivers/remote';
import { hostWaitLimitMs, unaskableWaitMs } from '../../../../lib/queue/runner/waiting';
import { createJobStore } from '../../../../lib/queue/store';
import type { HostSim } from '../../../host-sim';
import { hostSimWithFakeClock, runnerOver } from './host-sim-runner';
import { remoteSlots } from '../../../host-sim/xfs-remote';

let sim: HostSim;
hostSimWithFakeClock({ encodeMs: 60_000 }, (started) => (sim = started));

let keys = 0;
function setup(hostId: HostId, custom?: { simHost: HostId; capabilityOverrides: Record<string, boolean> }) {
  const key = `waitKey${++keys}${hostId.replace(/\W/g, '')}`;
  sim.addAccount({ hostId: custom?.simHost ?? hostId, key });
  const apiBase = sim.apiBase(custom?.simHost ?? hostId);
  const client: HostClient = createHostClient({ id: 'acc1', hostId, apiBase, key, capabilityOverrides: custom?.capabilityOverrides }, { backoffMs: 1 });
  const store = createJobStore();
  const runner = runnerOver(store, client, hostId);
  const sent = () => sim.requests.filter((r) => r.query.key === key && r.path.endsWith('/upload/url'));
  return { key, client, store, runner, sent };
}

async function settle(runner: ReturnType<typeof createQueueRunner>) {
  await runner.pump();
  // Until a poll goes through without throwing.
  await vi.waitFor(async () => {
    await runner.poll();
  });
}

/** Real time for the simulator's background fetch of the URL. */
const fetched = (url: string) => vi.waitFor(() => expect(sim.remoteUploads.find((r) => r.url === url)?.ok).toBe(true), { timeout: 5_000 });

describe('a remote upload the host takes without a file code', () => {
  it('waits for the host and is matched by URL from urlupload/list (DoodStream), sent once', async () => {
    const h = setup('doodstream.com');
    sim.remoteWithoutCode('doodstream.com');
    try {
      const url = sim.videoUrl('dood-pending', 4096);
      const queued = await h.runner.enqueueRemote('acc1', url);
      await h.runner.pump();
      await vi.waitFor(async () => expect((await h.store.get(queued.id))?.state).toBe('encoding'));
      const waiting = await h.store.get(queued.id);
      expect(waiting).toMatchObject({ waiting: 'host' });
      expect(waiting?.fileCode).toBeUndefined();
      expect(waiting?.error).toBeUndefined();
      await fetched(url);
      vi.setSystemTime(Date.now() + 5_000);
      await h.runner.poll();
      const found = await h.store.get(queued.id);
      const record = sim.remoteUploads.find((r) => r.url === url)!;
      // DoodStream has no file info: the finished entry in its list makes the job ready in the same poll.
      expect(found).toMatchObject({ state: 'ready', fileCode: record.fileCode, links: { watch: `https://dood.to/d/${record.fileCode}` } });
      expect(found).not.toHaveProperty('waiting');
      // A restart and more polls never send it again.
      await h.runner.recover();
      await settle(h.runner);
      expect(h.sent()).toHaveLength(1);
      expect(await h.store.get(queued.id)).toMatchObject({ state: 'ready', fileCode: record.fileCode });
    } finally {
      sim.remoteWithoutCode('doodstream.com', false);
    }
  });

  it('is found by title in the file list where the host has no remote-upload list, and survives a restart unsent', async () => {
    const h = setup('vipstream.cc');
    sim.remoteWithoutCode('vipstream.cc');
    try {
      const url = sim.videoUrl('list-pending', 2048);
      const queued = await h.runner.enqueueRemote('acc1', url);
      await h.runner.pump();
      await vi.waitFor(async () => expect(await h.store.get(queued.id)).toMatchObject({ waiting: 'host' }));
      // Before the host lists anything the job keeps waiting: recovery and polls neither fail nor resend it.
      await h.runner.recover();
      await h.runner.pump();
      expect(await h.store.get(queued.id)).toMatchObject({ state: 'encoding', waiting: 'host' });
      vi.setSystemTime(Date.now() + 60_000);
      await h.runner.poll();
      const file = [...sim.accountFor('vipstream.cc', h.key)!.files.values()].find((f) => f.sourceUrl === url)!;
      expect(await h.store.get(queued.id)).toMatchObject({ state: 'encoding', fileCode: file.code });
      expect(h.sent()).toHaveLength(1);
    } finally {
      sim.remoteWithoutCode('vipstream.cc', false);
    }
  });
});

describe('a remote upload the host took without a file code, where it cannot be found', () => {
  it('ends failed after a short wait where the host has neither a remote-upload list nor a file list (FileMoon), never sent again', async () => {
    const h = setup('filemoon.sx');
    sim.remoteWithoutCode('filemoon.sx');
    try {
      const queued = await h.runner.enqueueRemote('acc1', sim.videoUrl('moon-pending', 1024));
      await h.runner.pump();
      await vi.waitFor(async () => expect(await h.store.get(queued.id)).toMatchObject({ state: 'encoding', waiting: 'host' }));
      // Polls within the wait leave it waiting: the host may still be fetching the video it will list.
      vi.setSystemTime(Date.now() + unaskableWaitMs - 60_000);
      await h.runner.poll();
      expect(await h.store.get(queued.id)).toMatchObject({ state: 'encoding', waiting: 'host' });
      vi.setSystemTime(Date.now() + 120_000);
      await h.runner.poll();
      const ended = await h.store.get(queued.id);
      expect(ended).toMatchObject({ state: 'failed', error: { code: 'unconfirmed' } });
      expect(ended?.error?.message).toBe(
        'FileMoon took the URL, but it cannot be asked which file it made: look for the video on FileMoon before you send this URL again.',
      );
      await h.runner.recover();
      await settle(h.runner);
      expect(h.sent()).toHaveLength(1);
      expect((await h.store.get(queued.id))?.state).toBe('failed');
    } finally {
      sim.remoteWithoutCode('filemoon.sx', false);
    }
  });

  it('keeps looking for a day where the host lists its files, then ends failed, never sent again', async () => {
    const h = setup('vipstream.cc');
    sim.remoteWithoutCode('vipstream.cc');
    try {
      // Nothing listens on port 1: the host never makes a file from it.
      const queued = await h.runner.enqueueRemote('acc1', 'http://127.0.0.1:1/never.mp4');
      await h.runner.pump();
      await vi.waitFor(async () => expect(await h.store.get(queued.id)).toMatchObject({ state: 'encoding', waiting: 'host' }));
      vi.setSystemTime(Date.now() + hostWaitLimitMs - 60_000);
      await h.runner.poll();
      expect(await h.store.get(queued.id)).toMatchObject({ state: 'encoding', waiting: 'host' });
      vi.setSystemTime(Date.now() + 120_000);
      await h.runner.poll();
      const ended = await h.store.get(queued.id);
      expect(ended).toMatchObject({ state: 'failed', error: { code: 'unconfirmed' } });
      expect(ended?.error?.message).toMatch(/no file from it turned up within a day: look for the video on vipstream.cc/);
      expect(h.sent()).toHaveLength(1);
    } finally {
      sim.remoteWithoutCode('vipstream.cc', false);
    }
  });

  it('ends failed after a day where its account cannot be reached any more (removed, unreadable)', async () => {
    const store = createJobStore();
    const sentAt = Date.now();
    await store.put({
      id: 'w1',
      kind: 'remote',
      accountId: 'gone',
      url: 'https://cdn.example/v.mp4',
      state: 'encoding',
      waiting: 'host',
      options: {},
      createdAt: sentAt,
      updatedAt: sentAt,
      sentAt,
      attempts: 1,
    });
    const runner = runnerOver(store, undefined as unknown as HostClient, 'media.cm', {
      clientFor: async () => {
        throw new Error('no such account');
      },
    });
    vi.setSystemTime(sentAt + hostWaitLimitMs - 60_000);
    await runner.poll();
    expect(await store.get('w1')).toMatchObject({ state: 'encoding', waiting: 'host' });
    vi.setSystemTime(sentAt + hostWaitLimitMs + 60_000);
    await runner.poll();
    expect(await store.get('w1')).toMatchObject({ state: 'failed', error: { code: 'unconfirmed' } });
  });
});

describe('a remote upload stuck at the host', () => {
  it("shows the host's error, stays open, and is restarted there, then removed there on the user's word", async () => {
    const h = setup('doodstream.com');
    // Nothing listens on port 1: the host's fetch fails.
    const url = 'http://127.0.0.1:1/broken.mp4';
    const queued = await h.runner.enqueueRemote('acc1', url);
    await h.runner.pump();
    await vi.waitFor(async () => expect((await h.store.get(queued.id))?.fileCode).toBeTruthy());
    const record = sim.remoteUploads.find((r) => r.url === url)!;
    await vi.waitFor(() => expect(record.error).toBeDefined(), { timeout: 5_000 });
    await h.runner.poll();
    const stuck = await h.store.get(queued.id);
    expect(stuck).toMatchObject({ state: 'encoding', error: { code: 'upload_rejected' } });
    expect(stuck?.error?.message).toContain(record.error!);

    await h.runner.hostAction(queued.id, 'restart');
    expect(sim.requests.some((r) => r.path.endsWith('/urlupload/actions') && r.query.restart_errors === '1' && r.query.key === h.key)).toBe(true);
    expect((await h.store.get(queued.id))?.error).toBeUndefined();
    await vi.waitFor(() => expect(record.error).toBeDefined(), { timeout: 5_000 });

    const removed = await h.runner.hostAction(queued.id, 'remove');
    expect(sim.requests.some((r) => r.path.endsWith('/urlupload/actions') && r.query.delete_code === record.fileCode)).toBe(true);
    expect(removed).toMatchObject({ state: 'failed' });
    expect(removed.fileCode).toBeUndefined();
    expect(h.sent()).toHaveLength(1);
  });

  it('is refused for a job the host is not working on', async () => {
    const h = setup('doodstream.com');
    const queued = await h.runner.enqueueRemote('acc1', sim.videoUrl('not-stuck', 512));
    await expect(h.runner.hostAction(queued.id, 'restart')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('remote-upload slots', () => {
  it('sends nothing while every slot is taken, waits, and sends once a slot is free', async () => {
    const h = setup('doodstream.com');
    const account = sim.accountFor('doodstream.com', h.key)!;
    const busy = Array.from({ length: remoteSlots }, (_, i) => {
      const file = sim.addFile('doodstream.com', h.key, { title: `busy ${i}`, status: 'encoding' });
      const record = { hostId: 'doodstream.com' as HostId, url: `http://127.0.0.1:1/busy${i}.mp4`, fileCode: file.code, ok: false };
      sim.remoteUploads.push(record);
      return record;
    });
    expect(account.files.size).toBe(remoteSlots);
    const queued = await h.runner.enqueueRemote('acc1', sim.videoUrl('slot-wait', 1024));
    await h.runner.pump();
    await vi.waitFor(async () => expect(await h.store.get(queued.id)).toMatchObject({ waiting: 'slot' }));
    expect(await h.store.get(queued.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(h.sent()).toHaveLength(0);
    // Still full at the next try: still nothing sent.
    vi.setSystemTime(Date.now() + slotWaitMs);
    await h.runner.poll();
    await vi.waitFor(async () => expect((await h.store.get(queued.id))?.state).toBe('queued'));
    expect(h.sent()).toHaveLength(0);
    busy[0].ok = true;
    vi.setSystemTime(Date.now() + slotWaitMs);
    await h.runner.poll();
    await vi.waitFor(async () => expect((await h.store.get(queued.id))?.state).toBe('encoding'));
    expect(h.sent()).toHaveLength(1);
    expect(await h.store.get(queued.id)).not.toHaveProperty('waiting');
  });

  it('a host without the slot call it was credited with still gets the URL, once', async () => {
    const h = setup('xfs', { simHost: 'xfs-lite' as HostId, capabilityOverrides: { remoteUploadSlots: true, remoteUploadStatus: true } });
    const queued = await h.runner.enqueueRemote('acc1', sim.videoUrl('no-slot-call', 512));
    await h.runner.pump();
    await vi.waitFor(async () => expect((await h.store.get(queued.id))?.state).toBe('encoding'));
    expect(h.sent()).toHaveLength(1);
  });
});
