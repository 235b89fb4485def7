import type { Job, JobState } from '../../lib/queue/job';

export interface HistoryQuery {
  text: string;
  accountId: string;
  state: JobState | '';
}

/** Every word must appear in the job's URL, title, file name, file code or error. */
export function filterHistory(jobs: Job[], query: HistoryQuery): Job[] {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  return jobs.filter((job) => {
    if (query.accountId && job.accountId !== query.accountId) return false;
    if (query.state && job.state !== query.state) return false;
    if (words.length === 0) return true;
    const haystack = [job.url, job.title, job.file?.name, job.fileCode, job.links?.watch, job.error?.message]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
