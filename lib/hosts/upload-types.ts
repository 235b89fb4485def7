// What the upload paths hand back: the remote-upload answer and the host's
// remote-upload queue, where to POST a file, and what the POST's reply lists.
import type { FileStatus } from './file-status';

export interface RemoteUploadResult {
  fileCode: string;
  pending?: false;
}

/**
 * The host took the URL but names no file yet (XFS hosts answer
 * {"status":200,"msg":"WORKING"}): the file appears in its lists later.
 * Only callers that pass `acceptPending: true` receive it.
 */
export interface PendingRemoteUpload {
  fileCode?: undefined;
  pending: true;
  /** The host's own words, if any. */
  hostMessage?: string;
}

export type RemoteUploadAnswer = RemoteUploadResult | PendingRemoteUpload;

/** A remote upload as the host's own queue reports it. */
export interface RemoteUploadState {
  fileCode?: string;
  url?: string;
  state: 'queued' | 'working' | 'done' | 'error' | 'unknown';
  /** The host's own status word. */
  hostStatus?: string;
  bytesTotal?: number;
  bytesDone?: number;
  /** The host's error text when state is 'error'. */
  error?: string;
  created?: string;
  folderId?: string;
}

export interface RemoteUploadSlots {
  total: number;
  used: number;
  /** total - used, never below 0. */
  free: number;
}

/** restart/clear the failed ones, clear all, or remove one (by file code) from the host's queue. */
export type RemoteUploadAction = 'restart_errors' | 'clear_errors' | 'clear_all' | 'delete';

export interface UploadTarget {
  /** Where to POST the multipart form. */
  url: string;
  /** Form fields to add (auth and the like). The file goes in field `fileField`. */
  fields: Record<string, string>;
  fileField: string;
}

export interface UploadedFile {
  fileCode: string;
  name?: string;
  /** Bytes, when the reply says. */
  size?: number;
  ok: boolean;
  /** Host's text when a file was rejected. */
  error?: string;
  status?: FileStatus;
}
