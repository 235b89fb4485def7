import { toSerializedError } from '../../errors';
import type { HostClient } from '../../hosts/types';
import { terminalStates, type Job } from '../model/job';
import { findLanded } from './landed';
import { canTransition, transition, type JobEvent } from '../model/machine';
import { deriveGroup } from '../model/group';
import { maxAutoAttempts, mayHaveLanded, nextRetryDelay, shouldRetry } from '../model/retry';
import { nextRetryAt } from './scheduler';
import { foundNote } from '../model/states';
import type { QueueRunnerDeps } from './api';

// What every part of the runner shares: moving a job through the machine
// (telling the user when it, or its mirror, ends), the poll alarm, and what
// a send's outcome does to its job. The pump, the encoding poll, the drivers and the user commands
// are built on this.

const pollMetaKey = 'nextPollAt';
const unverifiableMessage =
  'The last send may have reached the host, but it cannot be checked ({why}). Look in your files on the host and retry only if the video is not there.';

export const inFlight: ReadonlySet<Job['state']> = new Set(['sending', 'uploading']);

export type QueueCore = ReturnType<typeof createCore>;

export function createCore(deps: QueueRunnerDeps) {
  const { store } = deps;
  const minPollMs = deps.minPollMs ?? 30_000;
  const watchdogMs = deps.watchdogMs ?? 60_000;
  const random = deps.random ?? Math.random;

  // ---- moving jobs ----

  async function move(id: string, event: JobEvent, throttle = false): Promise<Job> {
    let before: Job | undefined;
    const after = await store.update(
      id,
      (job) => {
        before = job;
        return transition(job, event, deps.now());
      },
      { throttle },
    );
    await settled(before!, after);
    return after;
  }

  async function settled(before: Job, after: Job): Promise<void> {
    if (before.state === after.state || !terminalStates.has(after.state)) return;
    if (after.group) await groupSettled(after.group.id, before, after);
    else if (!after.cancelled) deps.notify(after);
  }

  // A mirror is told once when its last member ends: two members ending together must not both tell it.
  const announced = new Set<string>();
  let groupChain: Promise<void> = Promise.resolve();
  function groupSettled(groupId: string, before: Job, after: Job): Promise<void> {
    const next = groupChain.then(async () => {
      const members = await store.members([groupId]);
      const group = deriveGroup(groupId, members);
      if (!terminalStates.has(group.state)) {
        announced.delete(groupId);
        return;
      }
      const was = deriveGroup(groupId, members.map((member) => (member.id === after.id ? before : member)));
      if (announced.has(groupId) || terminalStates.has(was.state)) return;
      announced.add(groupId);
      if (!group.cancelled) deps.notify(group);
    });
    groupChain = next.catch(() => undefined);
    return next;
  }

  /** The last resort: whatever went wrong, the job stays, marked failed with what happened. */
  async function failSafely(id: string, error: unknown): Promise<void> {
    const serialized = toSerializedError(error);
    try {
      let before: Job | undefined;
      const after = await store.update(id, (job) => {
        before = job;
        if (terminalStates.has(job.state)) return job;
        return { ...job, state: 'failed', error: serialized, speed: undefined, nextAttemptAt: undefined, updatedAt: deps.now() };
      });
      await settled(before!, after);
    } catch (secondary) {
      // Only reachable when the job was removed or storage itself fails: nothing is left to mark.
      console.error('VidRelay: could not record a job failure', id, serialized.message, secondary);
    }
  }

  async function guard(id: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      await failSafely(id, error);
    }
  }

  // Start-up recovery and the uploader's reports act one at a time, each on the job as it is then.
  let laneChain: Promise<unknown> = Promise.resolve();
  function lane<T>(fn: () => Promise<T>): Promise<T> {
    const next = laneChain.then(fn);
    laneChain = next.catch(() => undefined);
    return next;
  }

  // ---- poll alarm ----

  let pollAt: number | undefined;
  // The poll time a previous worker set, read once: a worker start must not push it further out.
  let pollKnown: Promise<void> | undefined;
  const knowPoll = () =>
    (pollKnown ??= (async () => {
      try {
        pollAt = deps.scheduledPoll ? await deps.scheduledPoll() : await store.getMeta<number>(pollMetaKey);
      } catch (error) {
        console.error('VidRelay: could not read the next poll time', error);
      }
    })());

  function setPollAt(when: number | undefined): void {
    if (pollAt === when) return;
    pollAt = when;
    store.setMeta(pollMetaKey, when ?? null).catch((error) => console.error('VidRelay: could not keep the next poll time', error));
  }

  async function reschedule(): Promise<void> {
    await knowPoll();
    const jobs = await store.active();
    const now = deps.now();
    const wanted: number[] = [];
    if (jobs.some((job) => job.state === 'encoding')) wanted.push(now + minPollMs);
    const due = (job: Job) => inFlight.has(job.state) || (job.state === 'queued' && (job.nextAttemptAt ?? 0) <= now);
    if (watchdogMs > 0 && jobs.some(due)) wanted.push(now + Math.max(watchdogMs, minPollMs));
    const retryAt = nextRetryAt(jobs, now);
    if (retryAt !== undefined) wanted.push(Math.max(retryAt, now + minPollMs));
    if (!wanted.length) {
      if (pollAt !== undefined) deps.cancelPoll?.();
      setPollAt(undefined);
      return;
    }
    const when = Math.min(...wanted);
    if (pollAt !== undefined && pollAt > now && pollAt <= when) return;
    setPollAt(when);
    deps.schedulePoll(when);
  }

  /** The alarm fired: the next one is set afresh. */
  async function pollFired(): Promise<void> {
    await knowPoll();
    setPollAt(undefined);
  }

  // ---- send outcomes ----

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

  async function accepted(id: string, client: HostClient, fileCode: string, note?: string): Promise<void> {
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

  return {
    deps,
    store,
    move,
    failSafely,
    guard,
    lane,
    reschedule,
    pollFired,
    handleSendError,
    accepted,
    pendingAtHost,
    lookOnHost,
    settledByHost,
  };
}
