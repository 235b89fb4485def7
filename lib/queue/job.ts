import { z } from '../zod';

// A job is written to storage before its request is sent, then moves
// queued -> sending -> (uploading) -> encoding -> ready | failed | interrupted.

import { jobKinds, jobStates } from './states';

export { jobKinds, jobStates, terminalStates, type JobKind, type JobState } from './states';

export const serializedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  status: z.number().optional(),
});

export const uploadOptionsSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  folderId: z.string().optional(),
  categoryId: z.string().optional(),
  tags: z.string().optional(),
  public: z.boolean().optional(),
  adult: z.boolean().optional(),
});

export const jobLinksSchema = z.object({
  watch: z.string(),
  embed: z.string().optional(),
  download: z.string().optional(),
});

export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(jobKinds),
  accountId: z.string(),
  state: z.enum(jobStates),
  /** Remote and relay jobs: the video URL. */
  url: z.string().optional(),
  /** File jobs: what the user picked (never the bytes). */
  file: z
    .object({ name: z.string(), size: z.number(), type: z.string(), lastModified: z.number() })
    .optional(),
  options: uploadOptionsSchema.default({}),
  /** Mirror children point at their parent mirror job. */
  parentId: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  attempts: z.number().default(0),
  nextAttemptAt: z.number().optional(),
  bytesSent: z.number().optional(),
  bytesTotal: z.number().optional(),
  /** Upload speed in bytes per second, while uploading. */
  speed: z.number().optional(),
  progress: z.number().optional(),
  /** Relays: 'download' while the source is fetched, then 'upload'. */
  phase: z.enum(['download', 'upload']).optional(),
  fileCode: z.string().optional(),
  title: z.string().optional(),
  links: jobLinksSchema.optional(),
  error: serializedErrorSchema.optional(),
  /** When the last send began: bounds the host-side search for a send that may have landed. */
  sentAt: z.number().optional(),
  /** The last send may have reached the host: look there before sending again. */
  verify: z.boolean().optional(),
  /** Something the user should know about how this job got where it is (say, found on the host after a restart). */
  note: z.string().optional(),
  /** Failed because the user cancelled it. */
  cancelled: z.boolean().optional(),
  /** Mirror parents: their children, in the order the accounts were given. */
  childIds: z.array(z.string()).optional(),
});

export type Job = z.infer<typeof jobSchema>;
export type JobLinks = z.infer<typeof jobLinksSchema>;

