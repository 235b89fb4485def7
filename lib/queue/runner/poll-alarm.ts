import type { Job } from '../model/job';
import { inFlight } from '../model/states';
import { nextRetryAt } from './scheduler';
import type { QueueRunnerDeps } from './api';

// The single poll alarm: set for the earliest of the next encoding check, the
// end of a retry delay and the watchdog (work left that a stopped worker
// must be woken to finish), cleared when nothing needs it. Its time is kept
// in the store too, so a new worker does not push it further out.

const pollMetaKey = 'nextPollAt';

export type PollAlarm = ReturnType<typeof createPollAlarm>;

export function createPollAlarm(deps: Pick<QueueRunnerDeps, 'store' | 'now' | 'schedulePoll' | 'cancelPoll' | 'scheduledPoll' | 'watchdogMs' | 'minPollMs'>) {
  const { store } = deps;
  const minPollMs = deps.minPollMs ?? 30_000;
  const watchdogMs = deps.watchdogMs ?? 60_000;

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

  return { reschedule, pollFired };
}
