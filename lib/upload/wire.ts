import type { SerializedError } from '../errors';

// Messages between the background and the uploader (the offscreen document in
// Chrome, the manager tab in Firefox), and between pages and the uploader.
// Type-only and zod-free: the uploader and the manager page import it.
//
// The background broadcasts `UploaderCommand`s with runtime.sendMessage; they
// never hold a key. The uploader asks for its upload target with an
// `UploaderReport`; the reply (which holds the key) goes to that sender only.

/** What the uploader needs to know about a job; never the key. */
export interface UploadJobRef {
  id: string;
  kind: 'file' | 'relay';
  /** Relays: the source URL. */
  url?: string;
  /** Relays: file name for the upload form. */
  name?: string;
  /** Relays: the size the user confirmed. */
  bytesTotal?: number;
}

export type UploaderCommand =
  /** Start this job now. Reply: StartReply. */
  | { uploaderCommand: 1; type: 'start'; job: UploadJobRef }
  /** Which of these jobs are still being sent, or have a File held? Reply: AliveReply. */
  | { uploaderCommand: 1; type: 'alive'; jobIds: string[] }
  | { uploaderCommand: 1; type: 'cancel'; jobId: string };

export interface StartReply {
  accepted: boolean;
}

export interface AliveReply {
  running: string[];
  held: string[];
}

export interface UploadTargetWire {
  url: string;
  fields: Record<string, string>;
  fileField: string;
}

export type UploaderReport =
  /** Reply: TargetReply. */
  | { uploaderReport: 1; type: 'target'; jobId: string }
  | { uploaderReport: 1; type: 'progress'; jobId: string; sent: number; total: number; phase?: 'download' | 'upload' }
  /** The upload POST answered; the background reads the reply. Reply: Ack. */
  | { uploaderReport: 1; type: 'done'; jobId: string; status: number; body: string }
  /** Reply: Ack. */
  | { uploaderReport: 1; type: 'error'; jobId: string; error: SerializedError; bodySent: boolean }
  /** Of these held Files, which does the queue still need? Reply: NeededReply. */
  | { uploaderReport: 1; type: 'needed'; jobIds: string[] }
  /** The uploader holds nothing and sends nothing: the background may close it. */
  | { uploaderReport: 1; type: 'idle' };

export type TargetReply = { ok: true; target: UploadTargetWire } | { ok: false; error: SerializedError };
export interface Ack {
  ok: boolean;
}
export interface NeededReply {
  needed: string[];
}

/** Pages hand Files to the uploader over this same-origin channel: a File is cloned by reference, never copied. */
export const fileChannelName = 'vidrelay-files';

export type FileChannelMessage =
  | { type: 'hold'; jobId: string; file: File; snapshot?: File }
  | { type: 'held'; jobId: string }
  /** Is an uploader listening? It answers 'here'. */
  | { type: 'ping'; nonce: string }
  | { type: 'here'; nonce: string };

export function isUploaderCommand(message: unknown): message is UploaderCommand {
  return !!message && typeof message === 'object' && (message as { uploaderCommand?: unknown }).uploaderCommand === 1;
}

export function isUploaderReport(message: unknown): message is UploaderReport {
  return !!message && typeof message === 'object' && (message as { uploaderReport?: unknown }).uploaderReport === 1;
}
