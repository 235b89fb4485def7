import { z } from '../zod';
import { uploadOptionsSchema, type Job } from '../queue/model/job';
import type { JobEntry, JobGroup } from '../queue/model/group';
import type { UploadHostInfo } from '../accounts/upload-fit';

// The Upload tab's requests. File bytes never cross here: only names and
// sizes; the File itself goes to the uploader over a BroadcastChannel.

const fileMetaSchema = z.object({
  /** Fresh UUID from the page; the uploader already holds the File under it. */
  id: z.string().regex(/^[0-9a-f-]{36}$/i, 'a job id must be a UUID'),
  name: z.string().min(1).max(1000),
  size: z.number().int().nonnegative(),
  type: z.string().max(200),
  lastModified: z.number(),
  options: uploadOptionsSchema.optional(),
  snapshot: z.object({ name: z.string().max(1000), size: z.number().int().nonnegative(), type: z.string().max(200) }).optional(),
});

const jobId = z.string().regex(/^[0-9a-f-]{36}$/i, 'a job id must be a UUID');

/** One file to several accounts: one child job per account, each with its own id and options. */
const mirrorFileSchema = fileMetaSchema.omit({ id: true, options: true }).extend({
  targets: z
    .array(z.object({ accountId: z.string().min(1), id: jobId, options: uploadOptionsSchema.optional() }))
    .min(2, 'A mirror needs at least two accounts.')
    .max(20),
});

export const uploadRequests = {
  'uploads.prepare': z.object({}),
  'uploads.hosts': z.object({}),
  'uploads.add': z.object({ accountId: z.string().min(1), files: z.array(fileMetaSchema).min(1).max(500) }),
  'uploads.mirror': z.object({ files: z.array(mirrorFileSchema).min(1).max(500) }),
  'uploads.reattach': z.object({ id: z.string(), name: z.string(), size: z.number().int().nonnegative() }),
  'relay.probe': z.object({ url: z.string().min(1).max(8000) }),
  'relay.add': z.object({
    accountId: z.string().min(1),
    url: z.string().min(1).max(8000),
    name: z.string().max(1000).optional(),
    size: z.number().int().nonnegative().optional(),
    options: uploadOptionsSchema.optional(),
  }),
} as const;

export interface RelayProbe {
  url: string;
  name: string;
  size?: number;
  type?: string;
}

export interface UploadResponses {
  'uploads.prepare': { mode: 'offscreen' | 'background' };
  'uploads.hosts': Record<string, UploadHostInfo>;
  'uploads.add': { jobs: Job[] };
  /** One mirror parent per file, in the order given. */
  'uploads.mirror': { mirrors: JobGroup[] };
  'uploads.reattach': JobEntry;
  'relay.probe': RelayProbe;
  'relay.add': Job;
}
