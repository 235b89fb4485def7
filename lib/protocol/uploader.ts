import type { SerializedError } from '../errors';
import type { Check } from './route';

// The uploader protocol: the uploader document (Chrome's offscreen document)
// and the background, plus the page-to-uploader File channel (in Firefox the
// event page runs the uploader and takes the Files itself; its commands and
// reports are plain calls, lib/upload/background/in-background.ts). This file
// is zod-free on purpose: the uploader document imports its checks. The reports the
// uploader sends are background requests, zod-checked like every other
// (uploader-reports.ts).

/** What the uploader needs to know about a job; never the key. */
export interface UploadJobRef {
  id: string;
  kind: 'file' | 'relay';
  /** Relays: the source URL. */
  url?: string;
  /** Relays: file name for the upload form. */
  name?: string;
  /** Relays: the size the user confirmed (for a stream, the estimate they confirmed). */
  bytesTotal?: number;
  /** Relays: 'hls' when `url` is a media playlist whose segments are joined into one file. */
  stream?: 'hls';
}

/** Commands into the uploader document; only the background may send them (see senders.ts). */
export interface UploaderCommands {
  /** Start this job now. */
  'uploader.start': { job: UploadJobRef };
  /** Which of these jobs are still being sent, or have a File held? */
  'uploader.alive': { jobIds: string[] };
  'uploader.cancel': { jobId: string };
}

export type UploaderCommandType = keyof UploaderCommands;

export interface StartReply {
  accepted: boolean;
}

export interface AliveReply {
  running: string[];
  held: string[];
}

export interface UploaderCommandReplies {
  'uploader.start': StartReply;
  'uploader.alive': AliveReply;
  'uploader.cancel': Ack;
}

export interface UploadTargetWire {
  url: string;
  fields: Record<string, string>;
  fileField: string;
}

export type TargetReply = { ok: true; target: UploadTargetWire } | { ok: false; error: SerializedError };
export interface Ack {
  ok: boolean;
}
export interface NeededReply {
  needed: string[];
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const optional = (value: unknown, test: (v: unknown) => boolean) => value === undefined || test(value);
const isHttpUrl = (value: unknown) => typeof value === 'string' && value.length <= 8000 && /^https?:\/\//i.test(value);

function isJobRef(value: unknown): value is UploadJobRef {
  if (!isObject(value) || !isId(value.id) || (value.kind !== 'file' && value.kind !== 'relay')) return false;
  return (
    optional(value.url, isHttpUrl) &&
    optional(value.name, (v) => typeof v === 'string' && v.length <= 1000) &&
    optional(value.bytesTotal, (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0) &&
    optional(value.stream, (v) => v === 'hls')
  );
}

/** A zod-shaped check from a type guard: the router runs it like a schema. */
function guard<T>(test: (value: unknown) => boolean, message: string): Check<T> {
  return {
    safeParse: (value) => (test(value) ? { success: true, data: value as T } : { success: false, error: { issues: [{ message }] } }),
  };
}

export const uploaderCommandChecks: { [T in UploaderCommandType]: Check<UploaderCommands[T]> } = {
  'uploader.start': guard((v) => isObject(v) && isJobRef(v.job), 'a start command needs a job { id, kind }'),
  'uploader.alive': guard((v) => isObject(v) && Array.isArray(v.jobIds) && v.jobIds.length <= 1000 && v.jobIds.every(isId), 'jobIds must be job ids'),
  'uploader.cancel': guard((v) => isObject(v) && isId(v.jobId), 'jobId must be a job id'),
};

/** Pages hand Files to the uploader over this same-origin channel: a File is cloned by reference, never copied. */
export const fileChannelName = 'vidrelay-files';

export type FileChannelMessage =
  | { type: 'hold'; jobId: string; file: File; snapshot?: File }
  | { type: 'held'; jobId: string }
  /** Is an uploader listening? It answers 'here'. */
  | { type: 'ping'; nonce: string }
  | { type: 'here'; nonce: string };
