import { HostError, type SerializedError } from '../errors';
import type { Job, JobLinks, JobState } from './job';

export { maxAutoAttempts, mayHaveLanded, nextRetryDelay, shouldRetry } from './retry';

// The job state machine: a pure function from (job, event, now) to the next
// job. Everything that moves a job goes through here so an impossible move
// (say, "ready" twice) is caught instead of silently rewriting history.

export type JobEvent =
  | { type: 'send' }
  /** `phase` 'download': a relay is still fetching its source; bytes count that download. */
  | { type: 'progress'; bytesSent: number; bytesTotal: number; phase?: 'download' | 'upload' }
  | { type: 'uploaded'; fileCode: string; links?: JobLinks }
  | { type: 'encoding'; progress?: number }
  | { type: 'ready'; links: JobLinks; fileCode?: string }
  | { type: 'fail'; error: SerializedError }
  /** Back to the queue after a transient failure; `verify` if the send may have landed. */
  | { type: 'defer'; at: number; error?: SerializedError; verify?: boolean }
  | { type: 'interrupt'; message?: string }
  | { type: 'retry' }
  | { type: 'cancel' };

export type JobEventType = JobEvent['type'];

export const interruptedMessage = 'Interrupted: choose the file again';
export const cancelledMessage = 'Cancelled. Retry to send it again.';

const allowedFrom: Record<JobEventType, readonly JobState[]> = {
  send: ['queued'],
  progress: ['sending', 'uploading'],
  // Queued or interrupted too: the host's word that an earlier send landed outranks a restart's guess.
  uploaded: ['sending', 'uploading', 'queued', 'interrupted'],
  encoding: ['encoding'],
  ready: ['sending', 'uploading', 'encoding'],
  fail: ['queued', 'sending', 'uploading', 'encoding'],
  defer: ['sending', 'uploading'],
  interrupt: ['queued', 'sending', 'uploading'],
  retry: ['failed', 'interrupted'],
  cancel: ['queued', 'sending', 'uploading', 'encoding'],
};

export function canTransition(job: Job, type: JobEventType): boolean {
  return allowedFrom[type].includes(job.state);
}

export function transition(job: Job, event: JobEvent, now: number): Job {
  if (!canTransition(job, event.type)) {
    throw new HostError('invalid_input', `A ${job.state} job cannot take "${event.type}".`);
  }
  const base = { ...job, updatedAt: now };
  switch (event.type) {
    case 'send':
      return {
        ...base,
        state: 'sending',
        attempts: job.attempts + 1,
        // While an earlier send is unaccounted for, keep its time: the host search starts there.
        sentAt: job.verify && job.sentAt !== undefined ? job.sentAt : now,
        nextAttemptAt: undefined,
        error: undefined,
        bytesSent: undefined,
        speed: undefined,
        progress: undefined,
        phase: undefined,
      };
    case 'progress':
      return progressed(base, job, event, now);
    case 'uploaded':
      return {
        ...base,
        state: 'encoding',
        fileCode: nonEmpty(event.fileCode, 'fileCode'),
        error: undefined,
        nextAttemptAt: undefined,
        links: event.links ?? job.links,
        verify: undefined,
        speed: undefined,
        progress: undefined,
        phase: undefined,
        bytesSent: job.bytesTotal ?? job.bytesSent,
      };
    case 'encoding':
      return { ...base, progress: event.progress === undefined ? job.progress : clampPercent(event.progress) };
    case 'ready': {
      const fileCode = event.fileCode ?? job.fileCode;
      if (!fileCode) throw new HostError('invalid_input', 'A job cannot be ready without a file code.');
      return {
        ...base,
        state: 'ready',
        fileCode,
        links: event.links,
        progress: 100,
        speed: undefined,
        verify: undefined,
        error: undefined,
        nextAttemptAt: undefined,
      };
    }
    case 'fail':
      return { ...base, state: 'failed', error: event.error, speed: undefined, nextAttemptAt: undefined };
    case 'defer':
      return {
        ...base,
        state: 'queued',
        nextAttemptAt: event.at,
        error: event.error ?? job.error,
        verify: event.verify || job.verify || undefined,
        speed: undefined,
      };
    case 'interrupt':
      return {
        ...base,
        state: 'interrupted',
        error: { code: 'network', message: event.message ?? interruptedMessage },
        speed: undefined,
      };
    case 'retry':
      // A job the host already accepted only needs watching again, never a second send.
      return {
        ...base,
        state: job.fileCode ? 'encoding' : 'queued',
        attempts: 0,
        error: undefined,
        nextAttemptAt: undefined,
        cancelled: undefined,
      };
    case 'cancel':
      return {
        ...base,
        state: 'failed',
        cancelled: true,
        error: { code: 'invalid_input', message: cancelledMessage },
        speed: undefined,
        nextAttemptAt: undefined,
      };
  }
}

function progressed(
  base: Job,
  job: Job,
  event: { bytesSent: number; bytesTotal: number; phase?: 'download' | 'upload' },
  now: number,
): Job {
  const { bytesSent, bytesTotal } = event;
  if (!(bytesSent >= 0) || !(bytesTotal >= 0)) {
    throw new HostError('invalid_input', 'Upload progress needs non-negative byte counts.');
  }
  const samePhase = job.phase === event.phase;
  const sample =
    job.state === 'uploading' && samePhase && job.bytesSent !== undefined ? { at: job.updatedAt, bytes: job.bytesSent } : undefined;
  const instant = sample ? rate(sample, { at: now, bytes: bytesSent }) : undefined;
  const previous = samePhase ? job.speed : undefined;
  // Smooth the per-report rate so the shown speed and ETA do not jump around.
  const speed = instant === undefined ? previous : previous === undefined ? instant : previous * 0.7 + instant * 0.3;
  return {
    ...base,
    state: 'uploading',
    phase: event.phase,
    bytesSent,
    bytesTotal,
    speed,
    progress: bytesTotal > 0 ? clampPercent((bytesSent / bytesTotal) * 100) : undefined,
  };
}

function nonEmpty(value: string, name: string): string {
  if (!value) throw new HostError('invalid_input', `The host reply has no ${name}.`);
  return value;
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

// ---- progress samples: speed and ETA ----

export interface ProgressSample {
  at: number;
  bytes: number;
}

function rate(from: ProgressSample, to: ProgressSample): number | undefined {
  const ms = to.at - from.at;
  if (ms <= 0 || to.bytes < from.bytes) return undefined;
  return ((to.bytes - from.bytes) / ms) * 1000;
}

/** Bytes per second over the samples within `windowMs` of the newest one. */
export function measureSpeed(samples: readonly ProgressSample[], windowMs = 5000): number | undefined {
  if (samples.length < 2) return undefined;
  const newest = samples[samples.length - 1];
  const oldest = samples.find((s) => newest.at - s.at <= windowMs) ?? newest;
  return oldest === newest ? undefined : rate(oldest, newest);
}

/** Seconds left at `speed` bytes per second, or undefined when unknown. */
export function etaSeconds(bytesSent: number | undefined, bytesTotal: number | undefined, speed: number | undefined): number | undefined {
  if (bytesSent === undefined || bytesTotal === undefined || !speed || speed <= 0) return undefined;
  return Math.max(0, Math.ceil((bytesTotal - bytesSent) / speed));
}
