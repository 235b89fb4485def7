import { terminalStates, type Job } from '../model/job';
import { inFlight } from '../model/states';
import { createCore } from './core';
import { createCommands } from './commands';
import { createHostActions } from './host-actions';
import { driverFor } from '../drivers';
import { createEncodingPoll } from './encoding-poll';
import { createPump } from './pump';
import type { QueueRunner, QueueRunnerDeps, UploadFailure, UploadReport } from './api';

export type { QueueRunner, QueueRunnerDeps } from './api';
export { interruptedRelayMessage } from '../drivers';
export { foundNote } from '../model/states';

// Drives jobs through the machine against real hosts. The background entry
// creates one runner and wires alarms, notifications and the uploader to it.
// It is put together from the core every part shares (core.ts), the pump
// (pump.ts: scheduling, concurrency), the encoding poll (encoding-poll.ts),
// one driver per job kind (lib/queue/drivers), the user commands
// (commands.ts) and the actions on the host (host-actions.ts); every step
// is written to the store before the request it leads to, and any throw
// ends with the job marked failed, never with the job gone.

export function createQueueRunner(deps: QueueRunnerDeps): QueueRunner {
  const core = createCore(deps);
  const { store } = core;
  const { pump, kick, sendingHere } = createPump(core);
  const pollEncoding = createEncodingPoll(core);
  const commands = createCommands(core, kick);

  async function poll(): Promise<void> {
    await core.pollFired();
    await pollEncoding();
    await core.reschedule();
    await pump();
    await core.reschedule();
  }

  /**
   * On a worker start: each job a restart cut off goes to its driver, as it
   * is now (never an older snapshot). Once per worker: wakes that come
   * together share one recovery, and a job this worker is sending itself
   * (a page's request may start the queue first) was cut off by nothing.
   */
  let recovery: Promise<void> | undefined;
  function recover(): Promise<void> {
    recovery ??= recoverOnce().catch((error: unknown) => {
      recovery = undefined;
      throw error;
    });
    return recovery;
  }

  async function recoverOnce(): Promise<void> {
    await core.lane(async () => {
      const jobs = await store.active();
      for (const { id } of jobs) {
        await core.guard(id, async () => {
          const job = await store.get(id);
          if (!job || !inFlight.has(job.state) || sendingHere(id)) return;
          await driverFor(job).recover(job, core);
        });
      }
    });
    await core.reschedule();
    kick();
  }

  // ---- the uploader's reports: one at a time with recovery ----

  async function uploadDone(id: string, fileCode: string): Promise<void> {
    const client = await core.lane(async () => {
      const current = await store.get(id);
      if (!current) return undefined;
      const found = await deps.clientFor(current.accountId);
      await core.landed(id, found, fileCode);
      return found;
    });
    kick();
    // Outside the lane: the other uploads' reports must not wait for the host's file list.
    if (client) await core.secondCopies.check(id, client);
  }

  async function uploadFailed(id: string, error: unknown, failure: UploadFailure = {}): Promise<void> {
    await core.lane(() => core.guard(id, () => core.handleSendError(id, error, failure.bodySent)));
    kick();
  }

  async function report(id: string, event: UploadReport): Promise<Job> {
    const job = await core.lane(() => core.move(id, event, event.type === 'progress'));
    if (event.type !== 'progress') await core.reschedule();
    if (terminalStates.has(job.state) || job.state === 'encoding') kick();
    return job;
  }

  return {
    ...commands,
    hostAction: createHostActions(core),
    removeSecondCopy: core.secondCopies.remove,
    report,
    uploadDone,
    uploadFailed,
    pump,
    poll,
    recover,
  };
}
