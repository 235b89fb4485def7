import { z } from '../../zod';
import { fileMetaSchema, jobLinksSchema, serializedErrorSchema, uploadOptionsSchema } from '../model/job';

// The job as record versions 2 and 3 stored it (frozen: only the step to
// version 4 reads it). One object for every kind, with a mirror as a stored
// parent job (`kind: 'mirror'`, `childIds`) and its jobs pointing back to it
// (`parentId`). Version 2 lacked `waiting`, an optional field, so it reads as is.

export const jobSchemaV3 = z.object({
  id: z.string(),
  kind: z.enum(['remote', 'file', 'mirror', 'relay']),
  accountId: z.string(),
  state: z.enum(['queued', 'sending', 'uploading', 'encoding', 'ready', 'failed', 'interrupted']),
  url: z.string().optional(),
  file: fileMetaSchema.optional(),
  options: uploadOptionsSchema.default({}),
  parentId: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  attempts: z.number().default(0),
  nextAttemptAt: z.number().optional(),
  bytesSent: z.number().optional(),
  bytesTotal: z.number().optional(),
  speed: z.number().optional(),
  progress: z.number().optional(),
  phase: z.enum(['download', 'upload']).optional(),
  fileCode: z.string().optional(),
  title: z.string().optional(),
  links: jobLinksSchema.optional(),
  error: serializedErrorSchema.optional(),
  sentAt: z.number().optional(),
  verify: z.boolean().optional(),
  note: z.string().optional(),
  waiting: z.enum(['host', 'slot']).optional(),
  cancelled: z.boolean().optional(),
  childIds: z.array(z.string()).optional(),
});

export type JobV3 = z.infer<typeof jobSchemaV3>;
