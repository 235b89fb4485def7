import { AppError } from '../../errors';
import { z } from '../../zod';
import { jobStates, type JobKind } from './states';

// A job is written to storage before its request is sent, then moves
// queued -> sending -> (uploading) -> encoding -> ready | failed | interrupted.
// The schema is a union by kind: each field is on the kinds it means
// something for, and a job carrying another kind's field is refused.

export { entryKinds, jobKinds, jobStates, terminalStates, type EntryKind, type JobKind, type JobState } from './states';

export const serializedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  status: z.number().optional(),
  /** A site the user may allow for the account (code `permission`); older records have none. */
  site: z.string().optional(),
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

export const fileMetaSchema = z.object({ name: z.string(), size: z.number(), type: z.string(), lastModified: z.number() });

/** A mirror's member: the mirror's id and this job's place in the order the accounts were given. */
const jobGroupSchema = z.object({ id: z.string().min(1), index: z.number().int().min(0) });

const base = {
  id: z.string(),
  accountId: z.string(),
  state: z.enum(jobStates),
  options: uploadOptionsSchema.default({}),
  /** Set on every job of a mirror; the mirror itself is derived from them (lib/queue/model/group.ts). */
  group: jobGroupSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  attempts: z.number().default(0),
  nextAttemptAt: z.number().optional(),
  /** Percent: of the bytes sent (uploads), or of the host's encoding (remote). */
  progress: z.number().optional(),
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
  /**
   * Other files the host made from this same send (the browser sent the request again on its own after the
   * connection dropped): their codes, and whether the host lets VidRelay delete files. Record version 5.
   */
  secondCopy: z.object({ codes: z.array(z.string().min(1)).min(1).max(20), removable: z.boolean() }).optional(),
  /** Failed because the user cancelled it. */
  cancelled: z.boolean().optional(),
};

/** Jobs whose bytes go out from the extension (file uploads and relays). */
const sent = {
  bytesSent: z.number().optional(),
  bytesTotal: z.number().optional(),
  /** Upload speed in bytes per second, while uploading. */
  speed: z.number().optional(),
};

const remoteJobSchema = z.strictObject({
  ...base,
  kind: z.literal('remote'),
  /** The video URL the host fetches itself. */
  url: z.string(),
  /**
   * 'host' when the host took the URL without naming the file yet (state
   * encoding, no file code: it is looked for in the host's lists); 'slot'
   * while queued until the host has a free remote-upload slot.
   */
  waiting: z.enum(['host', 'slot']).optional(),
});

const fileJobSchema = z.strictObject({
  ...base,
  ...sent,
  kind: z.literal('file'),
  /** What the user picked (never the bytes). */
  file: fileMetaSchema,
});

const relayJobSchema = z.strictObject({
  ...base,
  ...sent,
  kind: z.literal('relay'),
  /** The video URL the extension downloads, then uploads as a file. */
  url: z.string(),
  /** 'download' while the source is fetched, then 'upload'. */
  phase: z.enum(['download', 'upload']).optional(),
  /** 'hls': `url` is a media playlist; its segments are downloaded in order and joined into one file. */
  stream: z.enum(['hls']).optional(),
});

export const jobSchema = z.discriminatedUnion('kind', [remoteJobSchema, fileJobSchema, relayJobSchema]);

export type Job = z.infer<typeof jobSchema>;

// The kinds listed for the pages (states.ts, without zod) are exactly the schema's: one added to either alone does not compile.
const kindsAgree: [Job['kind']] extends [JobKind] ? ([JobKind] extends [Job['kind']] ? true : never) : never = true;
void kindsAgree;
export type RemoteJob = z.infer<typeof remoteJobSchema>;
export type FileJob = z.infer<typeof fileJobSchema>;
export type RelayJob = z.infer<typeof relayJobSchema>;
export type UploadJob = FileJob | RelayJob;
export type JobLinks = z.infer<typeof jobLinksSchema>;
export type JobGroupRef = z.infer<typeof jobGroupSchema>;
export type FileMetaFields = z.infer<typeof fileMetaSchema>;

/** A job's fields with `undefined` ones left out: an absent optional field is not "another kind's field". */
export function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry;
  return out as T;
}

/** Check a job against its kind's schema (undefined fields dropped first). */
export function parseJob(value: unknown) {
  return jobSchema.safeParse(value && typeof value === 'object' ? withoutUndefined(value) : value);
}

const fieldsOf: Record<JobKind, ReadonlySet<string>> = {
  remote: new Set(Object.keys(remoteJobSchema.shape)),
  file: new Set(Object.keys(fileJobSchema.shape)),
  relay: new Set(Object.keys(relayJobSchema.shape)),
};

/** Fields any kind may be given in a change; `undefined` clears one. */
export type JobPatch = Partial<Omit<RemoteJob, 'kind' | 'id'> & Omit<FileJob, 'kind' | 'id'> & Omit<RelayJob, 'kind' | 'id'>>;

/**
 * `job` with `patch` applied. Clearing a field the kind does not have is a
 * no-op (a move may clear upload fields on any job); setting one is a bug
 * in the caller and throws rather than store a job its schema refuses.
 */
export function patchJob<J extends Job>(job: J, patch: JobPatch): J {
  const out: Record<string, unknown> = { ...job };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else if (fieldsOf[job.kind].has(key)) out[key] = value;
    else throw new AppError('invalid_input', `A ${job.kind} job has no field "${key}".`);
  }
  return out as J;
}
