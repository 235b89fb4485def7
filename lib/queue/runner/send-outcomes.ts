import { toSerializedError } from '../../errors';
import type { HostClient } from '../../hosts/types';
import type { Job } from '../model/job';
import { canTransition } from '../model/machine';
import { maxAutoAttempts, mayHaveLanded, nextRetryDelay, shouldRetry } from '../model/retry';
import { foundNote, inFlight } from '../model/states';
import { findLanded } from '../drivers/landed';
import type { QueueRunnerDeps } from './api';
import type { Moves } from './moves';
import type { PollAlarm } from './poll-alarm';
import type { SecondCopies } from './second-copy';

// What a send's outcome does to its job: the host's file code, a file the
// host will name later, an error (back to the queue with backoff, or
// failed), and, before a send that may repeat an earlier one, a look on the
// host for what that one left. Once a job lands, the host is asked whether
// the same send made a second file (second-copy.ts).

const unverifiableMessage =
  'The last send may have reached the host, but it cannot be checked ({why}). Look in your files on the host and retry only if the video is not there.';

export function createSendOutcomes(
  deps: Pick<QueueRunnerDeps, 'store' | 'now' | 'random'>,
  { move }: Pick<Moves, 'move'>,
  { reschedule }: Pick<PollAlarm, 'reschedule'>,
  secondCopies: Pick<SecondCopies, 'check'>,
) {
  const { store } = deps;
  const random = deps.random ?? Math.random;

  async function handleSendError(id: string, error: unknown, bodySent = false): Promise<void> {
    const serialized = toSerializedError(error);
    const current = await store.get(id);
    if (!current || !inFlight.has(current.state)) return;
    if (shouldRetry(serialized) && current.attempts < maxAutoAttempts) {
      const at = deps.now() + nextRetryDelay(current.attempts, random);
      // An upload cut before its last byte left cannot have landed; a remote request always may have.
      const verify = mayHaveLanded(serialized) && (current.kind === 'remote' || bodySent);
      await move(id, { type: 'defer', at, error: serialized, verify });
    } else {
      await move(id, { type: 'fail', error: serialized });
    }
    await reschedule();
  }

  /** The host named the file this job made: the job moves on (no look for a second copy yet). */
  async function landed(id: string, client: HostClient, fileCode: string, note?: string): Promise<void> {
    const current = await store.get(id);
    if (current && canTransition(current, 'uploaded')) {
      if (note) await store.update(id, (job) => ({ ...job, note }));
      await move(id, { type: 'uploaded', fileCode, links: client.links(fileCode) });
    } else if (current) {
      // Cancelled while the request was out: keep what the host made, so a retry only watches it.
      await store.put({ ...current, fileCode, links: client.links(fileCode), updatedAt: deps.now() });
    }
    await reschedule();
  }

  /** The host named the file this job made: the job moves on, and the host is asked for a second copy. */
  async function accepted(id: string, client: HostClient, fileCode: string, note?: string): Promise<void> {
    await landed(id, client, fileCode, note);
    await secondCopies.check(id, client);
  }

  /** The host took the URL without naming the file: wait for it in the host's lists. */
  async function pendingAtHost(id: string): Promise<void> {
    const current = await store.get(id);
    if (current && canTransition(current, 'pending')) await move(id, { type: 'pending' });
    // Cancelled while the request was out: it was still sent, so a retry must only look for it.
    else if (current?.kind === 'remote') await store.put({ ...current, waiting: 'host', verify: undefined, updatedAt: deps.now() });
    await reschedule();
  }

  /** Look on the host for this job's earlier send: found, not there, or cannot tell. */
  function lookOnHost(job: Job, client: HostClient) {
    return findLanded(client, job, (codes) => store.codesTaken(job.accountId, codes, job.id), deps.now());
  }

  /** Before a second send of something that may have landed: true when the job is settled without sending. */
  async function settledByHost(job: Job, client: HostClient): Promise<boolean> {
    if (!job.verify) return false;
    const check = await lookOnHost(job, client);
    if ('found' in check && check.found) {
      await accepted(job.id, client, check.found, foundNote);
      return true;
    }
    if ('unknown' in check) {
      const message = unverifiableMessage.replace('{why}', check.unknown);
      // The user now decides; their retry must send, not check again.
      await store.update(job.id, (current) => ({ ...current, verify: undefined }));
      await move(job.id, { type: 'fail', error: { code: 'conflict', message } });
      return true;
    }
    return false;
  }

  return { handleSendError, landed, accepted, pendingAtHost, lookOnHost, settledByHost };
}
