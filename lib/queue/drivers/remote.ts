import { requestTimeoutMs } from '../../hosts/http';
import type { HostClient } from '../../hosts/types';
import type { RemoteUploadAnswer } from '../../hosts/upload-types';
import type { RemoteJob } from '../model/job';
import { matchRemoteStatus } from './remote-status';
import type { JobDriver, QueuePort } from './types';

// Remote upload: the host fetches the URL itself. A request whose answer
// was lost may still have reached the host, so after a restart or an
// uncertain error the host is searched before the URL is sent again.

/** How long a job waits before asking again for a free remote-upload slot. */
export const slotWaitMs = 60_000;

/**
 * "Sent, answer not yet known": a worker stopped mid-request may leave the
 * host still working on the upload/url it received, adding the file only
 * when it answers. Until the request's own timeout has passed (and a little
 * more for the host to finish) the file list cannot prove it absent, so the
 * job is neither looked for nor sent again before then.
 */
export const sendWindowMs = requestTimeoutMs + 5_000;

/** Checks before the request that took longer than this mark when it really left. */
const slowChecksMs = 1_000;

/**
 * Hosts with a remote-upload status call (DoodStream-style urlupload/status)
 * can say whether an earlier send of this URL is known. Absence from that
 * list proves nothing (finished entries may drop off), so it is "found" or
 * "cannot tell" (undefined), and the file list is searched next.
 */
async function hostStatusCheck(client: HostClient, job: RemoteJob, queue: QueuePort): Promise<{ fileCode: string } | undefined> {
  if (!client.capabilities.has('remoteUploadStatus')) return undefined;
  const entry = await matchRemoteStatus(client, job, queue.store).catch(unlessUnsupported(undefined));
  return entry?.fileCode ? { fileCode: entry.fileCode } : undefined;
}

/** A host that counts slots refuses a URL when none is free: wait instead of sending one it will refuse. */
async function noFreeSlot(client: HostClient): Promise<boolean> {
  if (!client.capabilities.has('remoteUploadSlots')) return false;
  const slots = await client.remoteUploadSlots().catch(unlessUnsupported(undefined));
  return !!slots && slots.free <= 0;
}

/** A helper call the host does not offer (switched on by hand, or found missing at first use) must not fail the upload itself. */
function unlessUnsupported<T>(fallback: T) {
  return (error: unknown): T => {
    if ((error as { code?: unknown } | undefined)?.code === 'unsupported') return fallback;
    throw error;
  };
}

export const remoteDriver: JobDriver<RemoteJob> = {
  canStart: () => true,
  wantsClient: true,
  async send(job, queue, context) {
    try {
      const client = await context.client!;
      if (job.verify) {
        const status = await hostStatusCheck(client, job, queue);
        if (status) {
          context.answered();
          await queue.accepted(job.id, client, status.fileCode);
          return;
        }
        if (await queue.settledByHost(job, client)) return;
      }
      if (await noFreeSlot(client)) {
        context.answered();
        await queue.move(job.id, { type: 'defer', at: queue.deps.now() + slotWaitMs, waiting: 'slot' });
        await queue.reschedule();
        return;
      }
      // The window a cut-off send is given is counted from the job's last write: keep it at the request's start.
      if (queue.deps.now() - job.updatedAt > slowChecksMs) {
        await queue.store.update(job.id, (current) => (current.state === 'sending' ? { ...current, updatedAt: queue.deps.now() } : current));
      }
      let answer: RemoteUploadAnswer;
      try {
        answer = await client.remoteUpload(job.url, { ...job.options, acceptPending: true });
      } finally {
        context.answered();
      }
      if (answer.pending) await queue.pendingAtHost(job.id);
      else await queue.accepted(job.id, client, answer.fileCode);
    } catch (error) {
      await queue.handleSendError(job.id, error);
    }
  },
  async recover(job, queue) {
    // A 'sending' job's last write is at or after its request left (see send).
    const windowEnds = job.updatedAt + (queue.deps.sendWindowMs ?? sendWindowMs);
    await queue.move(job.id, { type: 'defer', at: Math.max(queue.deps.now(), windowEnds), verify: true });
  },
  cancel: () => undefined,
  mayHaveLanded: () => true,
};
