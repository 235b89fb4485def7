import type { Job } from '../model/job';
import { inFlight } from '../model/states';

// Which queued jobs may start now: oldest first within a host, a job waiting
// out a retry delay is skipped (it does not block the ones behind it), and no
// host or the whole queue goes over its limit of jobs in flight.

export interface ConcurrencyLimits {
  perHost: number;
  overall: number;
}

export const defaultLimits: ConcurrencyLimits = { perHost: 2, overall: 4 };

/**
 * `hostOf` maps account id to host id; an account missing from it counts as a
 * host of its own, so it never shares (or steals) another host's slots.
 */
export function pickNext(jobs: readonly Job[], hostOf: Readonly<Record<string, string>>, limits: ConcurrencyLimits, now: number): Job[] {
  const hostKey = (job: Job) => hostOf[job.accountId] ?? `account:${job.accountId}`;
  const perHost = new Map<string, number>();
  let overall = 0;
  for (const job of jobs) {
    if (!inFlight.has(job.state)) continue;
    overall += 1;
    perHost.set(hostKey(job), (perHost.get(hostKey(job)) ?? 0) + 1);
  }

  const waiting = jobs
    .filter((job) => job.state === 'queued' && (job.nextAttemptAt ?? 0) <= now)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

  // Each host's queue, oldest first. When the overall limit leaves fewer slots
  // than hosts could use, the host with the most waiting goes first: hosts
  // then drain together, instead of the last one finishing alone at its
  // per-host limit while the overall slots sit idle.
  const queues = new Map<string, Job[]>();
  for (const job of waiting) queues.set(hostKey(job), [...(queues.get(hostKey(job)) ?? []), job]);

  const picked: Job[] = [];
  while (overall < limits.overall) {
    let best: string | undefined;
    for (const [key, queue] of queues) {
      if (!queue.length || (perHost.get(key) ?? 0) >= limits.perHost) continue;
      const current = best === undefined ? undefined : queues.get(best)!;
      if (!current || queue.length > current.length || (queue.length === current.length && older(queue[0]!, current[0]!))) best = key;
    }
    if (best === undefined) break;
    const job = queues.get(best)!.shift()!;
    perHost.set(best, (perHost.get(best) ?? 0) + 1);
    overall += 1;
    picked.push(job);
  }
  return picked.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

function older(a: Job, b: Job): boolean {
  return a.createdAt - b.createdAt < 0 || (a.createdAt === b.createdAt && a.id.localeCompare(b.id) < 0);
}

/** The earliest moment a queued job's retry delay ends, if any is waiting. */
export function nextRetryAt(jobs: readonly Job[], now: number): number | undefined {
  let earliest: number | undefined;
  for (const job of jobs) {
    if (job.state !== 'queued' || job.nextAttemptAt === undefined || job.nextAttemptAt <= now) continue;
    earliest = earliest === undefined ? job.nextAttemptAt : Math.min(earliest, job.nextAttemptAt);
  }
  return earliest;
}
