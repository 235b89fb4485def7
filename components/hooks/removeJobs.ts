import { send } from '../../lib/messaging';
import { forgetShownJobs } from './lastShown';

// The pages' two ways to remove jobs. Each also forgets every page's copy of
// the jobs it showed (lastShown.ts), so a removed job is never drawn again
// from a copy and its data leaves localStorage with it.

/** Removes one job (a row's Remove, in the Upload tab or History). */
export async function removeJob(id: string): Promise<void> {
  await send('jobs.remove', { id });
  forgetShownJobs();
}

/** Removes the finished jobs that ended before `before` (History's "Clear finished jobs"); how many went. */
export async function clearFinishedJobs(before: number): Promise<number> {
  const { removed } = await send('jobs.clear', { before });
  forgetShownJobs();
  return removed;
}
