import { z } from '../zod';
import { entryKinds, jobStates, uploadOptionsSchema, type Job } from '../queue/model/job';
import type { JobEntry } from '../queue/model/group';
import type { HistoryPage } from '../queue/history';
import type { CorruptJob } from '../queue/store';

export const jobRequests = {
  /** The newest jobs (at most `limit`, 100 unless asked). */
  'jobs.list': z.object({ limit: z.number().int().positive().max(1_000).optional() }),
  /** One page of the history: search, filters and the total. */
  'jobs.page': z.object({
    text: z.string().max(500).optional(),
    accountId: z.string().optional(),
    state: z.enum(jobStates).optional(),
    kinds: z.array(z.enum(entryKinds)).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().positive().max(2_000),
  }),
  /** Remove finished jobs created before `before` (the user asked; never automatic). */
  'jobs.clear': z.object({ before: z.number() }),
  /** Job entries in storage that this build cannot read (kept, not used). */
  'jobs.problems': z.object({}),
  'jobs.retry': z.object({ id: z.string() }),
  'jobs.cancel': z.object({ id: z.string() }),
  'jobs.remove': z.object({ id: z.string() }),
  /** A remote upload stuck at the host: restart it there (urlupload/actions) or remove it from the host's queue. */
  'jobs.hostAction': z.object({ id: z.string(), action: z.enum(['restart', 'remove']) }),
  /** The host holds a second copy of this job's file from the same send: delete that copy there. */
  'jobs.removeSecondCopy': z.object({ id: z.string() }),
  'remote.send': z.object({
    accountId: z.string(),
    urls: z.array(z.string()).min(1).max(500),
    options: uploadOptionsSchema.optional(),
  }),
} as const;

export interface JobResponses {
  'jobs.list': Job[];
  'jobs.page': HistoryPage;
  'jobs.clear': { removed: number };
  'jobs.problems': CorruptJob[];
  /** `id` is a job's or a mirror's; the answer is that job or mirror as it is now. */
  'jobs.retry': JobEntry;
  'jobs.cancel': JobEntry;
  'jobs.remove': { removed: boolean };
  'jobs.hostAction': Job;
  'jobs.removeSecondCopy': Job;
  'remote.send': { jobs: Job[]; refused: { url: string; reason: string }[] };
}
