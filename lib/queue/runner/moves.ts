import { toSerializedError } from '../../errors';
import { terminalStates, type Job } from '../model/job';
import { transition, type JobEvent } from '../model/machine';
import { deriveGroup } from '../model/group';
import type { QueueRunnerDeps } from './api';

// Moving jobs through the machine, and telling the user when a job, or its
// mirror, ends. Whatever goes wrong on the way leaves the job marked failed,
// never gone.

export type Moves = ReturnType<typeof createMoves>;

export function createMoves(deps: Pick<QueueRunnerDeps, 'store' | 'now' | 'notify'>) {
  const { store } = deps;

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
      const was = deriveGroup(
        groupId,
        members.map((member) => (member.id === after.id ? before : member)),
      );
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

  return { move, failSafely, guard, lane };
}
