import { z } from '../zod';
import { uploadOptionsSchema, type Job } from '../queue/job';

export const jobRequests = {
  'jobs.list': z.object({ limit: z.number().int().positive().optional() }),
  'jobs.retry': z.object({ id: z.string() }),
  'jobs.cancel': z.object({ id: z.string() }),
  'jobs.remove': z.object({ id: z.string() }),
  'remote.send': z.object({
    accountId: z.string(),
    urls: z.array(z.string()).min(1).max(500),
    options: uploadOptionsSchema.optional(),
  }),
} as const;

export interface JobResponses {
  'jobs.list': Job[];
  'jobs.retry': Job;
  'jobs.cancel': Job;
  'jobs.remove': { removed: boolean };
  'remote.send': { jobs: Job[]; refused: { url: string; reason: string }[] };
}
