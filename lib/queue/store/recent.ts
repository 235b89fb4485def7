import { membersByGroup } from '../model/group';
import type { Job } from '../model/job';
import type { JobStore } from '.';

/**
 * The newest rows after the first `offset` (a mirror is one row, however
 * many jobs it has, standing where its newest member stands), read from the
 * store's index, as the flat list pages take: one job per row (a mirror's
 * first member stands for it), then the other members of each mirror among
 * them.
 */
export async function recentRows(store: Pick<JobStore, 'recent' | 'members'>, offset: number, limit: number): Promise<Job[]> {
  const seen = new Set<string>();
  const newest = (job: Job) => !job.group || (!seen.has(job.group.id) && !!seen.add(job.group.id));
  const top = (await store.recent(offset + limit, newest)).slice(offset);
  const members = membersByGroup(await store.members(top.flatMap((job) => (job.group ? [job.group.id] : []))));
  const page = top.map((job) => (job.group ? (members.get(job.group.id)?.[0] ?? job) : job));
  const rest = page.flatMap((job) => (job.group ? (members.get(job.group.id) ?? []).slice(1) : []));
  return [...page, ...rest];
}

/** The `limit` newest rows: what the popup shows. */
export function recentJobs(store: Pick<JobStore, 'recent' | 'members'>, limit: number): Promise<Job[]> {
  return recentRows(store, 0, limit);
}
