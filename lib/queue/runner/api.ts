import type { HostClient } from '../../hosts/types';
import type { Job, UploadJob } from '../model/job';
import type { JobEntry, JobGroup } from '../model/group';
import type { JobEvent } from '../model/machine';
import type { ConcurrencyLimits } from './scheduler';
import type { JobStore } from '../store';

// What the queue runner needs from the background and what it offers it.

export interface QueueRunnerDeps {
  store: JobStore;
  clientFor(accountId: string): Promise<HostClient>;
  hostIdOf(accountId: string): Promise<string | undefined>;
  now(): number;
  /** Set the (single) poll alarm to fire at `whenMs`; replaces any earlier one. */
  schedulePoll(whenMs: number): void;
  /** Clear the poll alarm: nothing needs it any more. */
  cancelPoll?(): void;
  /** When the poll alarm a previous worker set will fire, if it is still set: a new worker keeps it. */
  scheduledPoll?(): Promise<number | undefined>;
  /**
   * While jobs are queued or in flight the poll alarm stays set at most this
   * far out, so a worker stopped with work left is woken to finish it (0: off).
   */
  watchdogMs?: number;
  /** A job of no mirror, or a mirror (its last member), reached ready, failed or interrupted (not on user cancel). */
  notify(entry: JobEntry): void;
  /**
   * Hand a file (or relay) job to the uploader; it reports back through `report`,
   * `uploadDone` and `uploadFailed`. 'no-file': no uploader holds this job's File.
   */
  uploadFile?(job: UploadJob): Promise<undefined | 'no-file'>;
  /**
   * Whether the uploader is still sending this job (asked by `recover`); 'held':
   * it holds the File but was not sending it, so the job may simply queue again.
   */
  uploadAlive?(job: UploadJob): Promise<boolean | 'held'>;
  /** Abort the uploader's request for this job. */
  cancelUpload?(job: UploadJob): void;
  limits?(): ConcurrencyLimits | Promise<ConcurrencyLimits>;
  /** Shortest gap between polls; alarms allow no less than 30 s in production. */
  minPollMs?: number;
  /** Remote uploads a stopped worker left 'sending' wait this long after their send before the host is searched (default: the request timeout and 5 s). */
  sendWindowMs?: number;
  /** How long a file the host does not know yet may stay "missing" before the job fails. */
  missingGraceMs?: number;
  newId?(): string;
  random?(): number;
}

/** The user's hand on a remote upload stuck at the host (host-actions.ts). */
export type HostRemoteAction = 'restart' | 'remove';

export interface EnqueueExtra {
  title?: string;
}

export interface FileExtra {
  /** The uploader already holds the File under this id (a fresh UUID from the page). */
  id?: string;
}

/** One account a file mirror uploads to: the uploader holds the File under `id` too. */
export interface MirrorTarget {
  accountId: string;
  id: string;
  options?: Job['options'];
}

export interface RelayExtra {
  title?: string;
  /** The size the user confirmed, when the source told it (for a stream: the estimate). */
  bytesTotal?: number;
  /** 'hls': `url` is an HLS media playlist whose segments are joined into one file. */
  stream?: 'hls';
}

export interface UploadFailure {
  /** The whole request body went out: the host may have stored the file. */
  bodySent?: boolean;
}

export interface FileMeta {
  name: string;
  size: number;
  type: string;
  lastModified: number;
}

/** Events the uploader reports for a file or relay job. */
export type UploadReport = Extract<JobEvent, { type: 'progress' | 'uploaded' | 'ready' | 'fail' }>;

export interface QueueRunner {
  enqueueRemote(accountId: string, url: string, options?: Job['options'], extra?: EnqueueExtra): Promise<Job>;
  /** One URL to several accounts: a mirror, one remote job per account. */
  enqueueMirror(accountIds: readonly string[], url: string, options?: Job['options']): Promise<JobGroup>;
  enqueueFile(accountId: string, file: FileMeta, options?: Job['options'], extra?: FileExtra): Promise<Job>;
  /** One file to several accounts: a mirror, one file job per account. */
  enqueueFileMirror(file: FileMeta, targets: readonly MirrorTarget[]): Promise<JobGroup>;
  /** Download a URL in the extension and upload it as a file (hosts without remote upload). */
  enqueueRelay(accountId: string, url: string, options?: Job['options'], extra?: RelayExtra): Promise<Job>;
  report(id: string, event: UploadReport): Promise<Job>;
  /** The uploader's POST came back with this file code. */
  uploadDone(id: string, fileCode: string): Promise<void>;
  /** The uploader's POST failed: transient errors go back to the queue with backoff. */
  uploadFailed(id: string, error: unknown, failure?: UploadFailure): Promise<void>;
  /** Start what the scheduler allows; resolves once nothing started here is still sending. */
  pump(): Promise<void>;
  /** Check encoding jobs and start jobs whose retry delay is over (called by the alarm). */
  poll(): Promise<void>;
  /** On browser start or install: settle jobs a restart cut off. */
  recover(): Promise<void>;
  /** `id`: a job's, or a mirror's (then every member that can). */
  retry(id: string): Promise<JobEntry>;
  cancel(id: string): Promise<JobEntry>;
  /** A remote upload stuck at the host: restart the host's failed fetches, or remove this one there. */
  hostAction(id: string, action: HostRemoteAction): Promise<Job>;
  /** The host holds a second copy of this job's file (its `secondCopy`): delete that copy there. */
  removeSecondCopy(id: string): Promise<Job>;
  remove(id: string): Promise<void>;
}
