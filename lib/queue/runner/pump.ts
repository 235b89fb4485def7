import type { HostClient } from '../../hosts/types';
import { terminalStates, type Job } from '../model/job';
import { defaultLimits, pickNext, type ConcurrencyLimits } from './scheduler';
import type { QueueCore } from './core';
import { driverFor } from '../drivers';

// Scheduling: which jobs start now (per-host and overall limits), one pump
// loop at a time, and a job's slot freed the moment its host answers.

export interface Pump {
  /** Start what the scheduler allows; resolves once nothing started here is still sending. */
  pump(): Promise<void>;
  /** Ask for a pass without waiting for it (enqueues, reports, answers). */
  kick(): void;
  /** This worker started this job's send and it is not over: no restart cut it off. */
  sendingHere(id: string): boolean;
}

export function createPump(core: QueueCore): Pump {
  const { deps, store } = core;
  const running = new Set<Promise<void>>();
  /**
   * Remote jobs whose request is over while their result is still being
   * written: they no longer hold a connection, so their slot goes to the next
   * job at once, and its "sending" write joins the result's write.
   */
  const answered = new Set<string>();
  const sendingIds = new Set<string>();
  let startChain: Promise<void> = Promise.resolve();
  let pumping: Promise<void> | undefined;
  let passWanted = false;
  let wake: () => void = () => undefined;

  // Each pass asks every account's host and the limits; answers are kept
  // briefly so a busy queue sends instead of asking. An account not found is never kept.
  const lookupTtlMs = 2_000;
  const hostIds = new Map<string, { hostId: string; at: number }>();
  let limitsSeen: { limits: ConcurrencyLimits; at: number } | undefined;

  async function hostIdOf(accountId: string): Promise<string | undefined> {
    const known = hostIds.get(accountId);
    if (known && deps.now() - known.at < lookupTtlMs) return known.hostId;
    const hostId = await deps.hostIdOf(accountId);
    if (hostId === undefined) hostIds.delete(accountId);
    else hostIds.set(accountId, { hostId, at: deps.now() });
    return hostId;
  }

  async function currentLimits(): Promise<ConcurrencyLimits> {
    if (limitsSeen && deps.now() - limitsSeen.at < lookupTtlMs) return limitsSeen.limits;
    const limits = (await deps.limits?.()) ?? defaultLimits;
    limitsSeen = { limits, at: deps.now() };
    return limits;
  }

  async function startAllowed(): Promise<void> {
    const jobs = await store.active();
    const now = deps.now();
    const hostOf: Record<string, string> = {};
    const candidates: Job[] = [];
    for (const job of jobs) {
      const driver = driverFor(job);
      if (terminalStates.has(job.state) || answered.has(job.id)) continue;
      if (job.state === 'queued' && !driver.canStart(core)) continue;
      if (!(job.accountId in hostOf)) {
        const hostId = await hostIdOf(job.accountId);
        if (hostId === undefined) {
          if (job.state === 'queued') {
            await core.move(job.id, {
              type: 'fail',
              error: { code: 'invalid_input', message: 'The account for this job was removed. Add it again, then retry.' },
            });
          }
          continue;
        }
        hostOf[job.accountId] = hostId;
      }
      candidates.push(job);
    }
    const limits = await currentLimits();
    for (const job of pickNext(candidates, hostOf, limits, now)) {
      const driver = driverFor(job);
      sendingIds.add(job.id);
      // Not awaited here: the jobs started together share one storage write, and
      // the store applies each move before the next pass reads, so none starts twice.
      const run = (async () => {
        // The account lookup reads storage too: let it run while the job is being written.
        const client: Promise<HostClient> | undefined = driver.wantsClient ? deps.clientFor(job.accountId) : undefined;
        client?.catch(() => undefined);
        let sending: Job;
        try {
          sending = await core.move(job.id, { type: 'send' });
        } catch (error) {
          await core.failSafely(job.id, error);
          return;
        }
        const context = {
          client,
          answered: () => {
            answered.add(job.id);
            wakePump();
          },
        };
        await core.guard(sending.id, () => driver.send(sending, core, context));
      })().finally(() => {
        running.delete(run);
        answered.delete(job.id);
        sendingIds.delete(job.id);
        wakePump();
      });
      running.add(run);
    }
  }

  function startSerially(): Promise<void> {
    // Two passes must not both see the same job queued and both start it.
    const next = startChain.then(startAllowed);
    startChain = next.catch(() => undefined);
    return next;
  }

  /**
   * One pump loop at a time: every enqueue, answer and end only asks it for
   * another pass. (A loop per call made a batch of N jobs run N loops, each
   * re-reading the queue whenever any job ended.)
   */
  function pump(): Promise<void> {
    passWanted = true;
    wake();
    pumping ??= pumpLoop();
    return pumping;
  }

  async function pumpLoop(): Promise<void> {
    try {
      while (passWanted || running.size) {
        if (passWanted) {
          passWanted = false;
          await startSerially();
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      pumping = undefined;
    }
  }

  function wakePump(): void {
    passWanted = true;
    wake();
  }

  function kick(): void {
    // New or resumed work sets the watchdog alarm at once: a worker stopped before any answer must still be woken.
    core.reschedule().catch((error) => console.error('VidRelay: could not set the poll alarm', error));
    pump().catch((error) => console.error('VidRelay: queue pump failed', error));
  }

  return { pump, kick, sendingHere: (id) => sendingIds.has(id) };
}
