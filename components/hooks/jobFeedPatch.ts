import type { Job } from '../../lib/queue/model/job';
import type { JobFeedMessage } from '../../lib/protocol/job-feed';
import type { RequestOf, ResponseMap } from '../../lib/messaging';

// A page's answer with the job feed's changes put in place, where that is
// all they change: every changed job is already shown, none was removed, and
// the query cannot move a job in or out or about (a job's kind, account,
// mirror and creation time never change; its state and text do, so a page
// filtered by state or searched asks again). Anything else: undefined, and
// the page asks again. An upload's progress then costs the page a render,
// not a question to the background and a database read.

type Changed = Extract<JobFeedMessage, { type: 'changed' }>;
type JobQuery = 'jobs.list' | 'jobs.page';

function patchList(jobs: readonly Job[], message: Changed): Job[] | undefined {
  if (!message.jobs || message.removed?.length || !message.ids.length) return undefined;
  const changed = new Map(message.jobs.map((job) => [job.id, job]));
  let found = 0;
  const next = jobs.map((job) => {
    const now = changed.get(job.id);
    if (!now) return job;
    found += 1;
    return now;
  });
  return found === changed.size ? next : undefined;
}

export function patchAnswer<T extends JobQuery>(type: T, payload: RequestOf<T>, data: ResponseMap[T], message: Changed): ResponseMap[T] | undefined {
  if (type === 'jobs.list') return patchList(data as ResponseMap['jobs.list'], message) as ResponseMap[T] | undefined;
  const query = payload as RequestOf<'jobs.page'>;
  if (query.text?.trim() || query.state) return undefined;
  const page = data as ResponseMap['jobs.page'];
  const jobs = patchList(page.jobs, message);
  return jobs ? ({ ...page, jobs } as ResponseMap[T]) : undefined;
}
