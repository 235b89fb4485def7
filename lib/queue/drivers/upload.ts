import { toSerializedError } from '../../errors';
import type { UploadJob } from '../model/job';
import { foundNote, inFlight } from '../model/states';
import type { JobDriver, QueuePort } from './types';

// What file uploads and relays share: the uploader (offscreen document or
// manager tab) sends the bytes and reports back. An upload POST is never
// resent blindly: one cut while its body was going out may have landed, and
// is looked for on the host (name, size, time) first. Each kind's driver
// (file.ts, relay.ts) is this with what a cut does to it.

type Interrupt = { type: 'interrupt'; message?: string };
/** What a cut does to a job: interrupt it (the user retries), or, for a relay that keeps what it spooled, queue it again at once. */
type OnCut = Interrupt | ((job: UploadJob, now: number) => Interrupt | { type: 'defer'; at: number });

/** Its body was going out when it was cut: the host may hold it (a relay still downloading cannot have sent any). */
function bodyStarted(job: UploadJob): boolean {
  return job.state === 'uploading' && !(job.kind === 'relay' && job.phase === 'download');
}

/**
 * After a cut: look on the host before the user is asked for the file
 * again. True when found (and the job settled). Not found: a new send is
 * right; cannot tell with every byte out, or the host unreachable: the
 * retry looks again before it sends.
 */
async function foundAfterCut(job: UploadJob, queue: QueuePort): Promise<boolean> {
  if (!bodyStarted(job)) return false;
  const allSent = !!job.bytesTotal && (job.bytesSent ?? 0) >= job.bytesTotal;
  try {
    const client = await queue.deps.clientFor(job.accountId);
    const check = await queue.lookOnHost(job, client);
    if ('found' in check && check.found) {
      await queue.accepted(job.id, client, check.found, foundNote);
      return true;
    }
    if ('unknown' in check && allSent) await queue.store.update(job.id, (current) => ({ ...current, verify: true }));
  } catch {
    await queue.store.update(job.id, (current) => ({ ...current, verify: true }));
  }
  return false;
}

export function uploadDriver<J extends UploadJob>(onCut: OnCut): JobDriver<J> {
  const interrupt = (job: UploadJob, now: number) => (typeof onCut === 'function' ? onCut(job, now) : onCut);
  return {
    canStart: (queue) => !!queue.deps.uploadFile,
    wantsClient: false,
    async send(job, queue) {
      const { deps, store } = queue;
      if (!deps.uploadFile) return;
      try {
        if (job.verify) {
          let settledHere = false;
          try {
            settledHere = await queue.settledByHost(job, await deps.clientFor(job.accountId));
          } catch (error) {
            // The host could not be asked: wait and ask again, never upload blind.
            await queue.handleSendError(job.id, error);
            return;
          }
          if (settledHere) return;
        }
        const outcome = await deps.uploadFile(job);
        if (outcome === 'no-file') {
          const current = await store.get(job.id);
          if (current && inFlight.has(current.state)) await queue.move(job.id, interrupt(job, deps.now()));
        }
      } catch (error) {
        const current = await store.get(job.id);
        if (current && inFlight.has(current.state)) await queue.move(job.id, { type: 'fail', error: toSerializedError(error) });
      }
    },
    async recover(job, queue) {
      const alive = (await queue.deps.uploadAlive?.(job)) ?? false;
      // The uploader was asked: what it said is about the job as it is now, not as it was before asking.
      const now = await queue.store.get(job.id);
      if (!now || now.kind === 'remote' || !inFlight.has(now.state) || alive === true) return;
      if (alive === 'held') {
        await queue.move(job.id, { type: 'defer', at: queue.deps.now() });
        return;
      }
      if (await foundAfterCut(now, queue)) return;
      await queue.move(job.id, interrupt(now, queue.deps.now()));
    },
    cancel(job, queue) {
      if (inFlight.has(job.state)) queue.deps.cancelUpload?.(job);
    },
    mayHaveLanded: bodyStarted,
  };
}
