import { AppError, type SerializedError } from '../../errors';
import { patchJob, type Job, type JobLinks, type JobPatch, type JobState } from './job';
import { rate } from './speed';

export { etaSeconds, measureSpeed } from './speed';

// The job state machine: a pure function from (job, event, now) to the next
// job. Everything that moves a job goes through here so an impossible move
// (say, "ready" twice) is caught instead of silently rewriting history.

export type JobEvent =
  | { type: 'send' }
  /** `phase` 'download': a relay is still fetching its source; bytes count that download. */
  | { type: 'progress'; bytesSent: number; bytesTotal: number; phase?: 'download' | 'upload' }
  | { type: 'uploaded'; fileCode: string; links?: JobLinks }
  /** The host took a remote upload but names its file later: it is found in the host's lists. */
  | { type: 'pending' }
  | { type: 'encoding'; progress?: number }
  | { type: 'ready'; links: JobLinks; fileCode?: string }
  | { type: 'fail'; error: SerializedError }
  /** Back to the queue after a transient failure; `verify` if the send may have landed. */
  | { type: 'defer'; at: number; error?: SerializedError; verify?: boolean; waiting?: 'slot' }
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
  // Encoding too, for a job waiting for the host to name its file (checked below).
  uploaded: ['sending', 'uploading', 'queued', 'interrupted', 'encoding'],
  pending: ['sending'],
  encoding: ['encoding'],
  ready: ['sending', 'uploading', 'encoding'],
  fail: ['queued', 'sending', 'uploading', 'encoding'],
  defer: ['sending', 'uploading'],
  interrupt: ['queued', 'sending', 'uploading'],
  retry: ['failed', 'interrupted'],
  cancel: ['queued', 'sending', 'uploading', 'encoding'],
};

/** Events only some kinds take: bytes are sent by the extension for uploads only; only the host names a remote upload's file later. */
const onlyFor: Partial<Record<JobEventType, readonly Job['kind'][]>> = {
  progress: ['file', 'relay'],
  pending: ['remote'],
};

export function canTransition(job: Job, type: JobEventType): boolean {
  if (onlyFor[type] && !onlyFor[type].includes(job.kind)) return false;
  if (type === 'uploaded' && job.state === 'encoding') return job.kind === 'remote' && job.waiting === 'host' && !job.fileCode;
  return allowedFrom[type].includes(job.state);
}

export function transition(job: Job, event: JobEvent, now: number): Job {
  if (!canTransition(job, event.type)) {
    throw new AppError('invalid_input', `A ${job.state} job cannot take "${event.type}".`);
  }
  const next = (patch: JobPatch): Job => patchJob(job, { ...patch, updatedAt: now });
  switch (event.type) {
    case 'send':
      return next({
        state: 'sending',
        attempts: job.attempts + 1,
        waiting: undefined,
        // While an earlier send is unaccounted for, keep its time: the host search starts there.
        sentAt: job.verify && job.sentAt !== undefined ? job.sentAt : now,
        nextAttemptAt: undefined,
        error: undefined,
        bytesSent: undefined,
        speed: undefined,
        progress: undefined,
        phase: undefined,
      });
    case 'progress':
      if (job.kind === 'remote') throw new AppError('invalid_input', 'A remote upload has no upload progress.');
      return progressed(job, event, now);
    case 'uploaded':
      return next({
        state: 'encoding',
        fileCode: nonEmpty(event.fileCode, 'fileCode'),
        error: undefined,
        nextAttemptAt: undefined,
        links: event.links ?? job.links,
        verify: undefined,
        waiting: undefined,
        speed: undefined,
        progress: undefined,
        phase: undefined,
        bytesSent: job.kind === 'remote' ? undefined : (job.bytesTotal ?? job.bytesSent),
      });
    case 'pending':
      // Sent and taken: from here on it is never sent again, only looked for.
      return next({ state: 'encoding', waiting: 'host', verify: undefined, error: undefined, nextAttemptAt: undefined, progress: undefined });
    case 'encoding':
      return next({ progress: event.progress === undefined ? job.progress : clampPercent(event.progress) });
    case 'ready': {
      const fileCode = event.fileCode ?? job.fileCode;
      if (!fileCode) throw new AppError('invalid_input', 'A job cannot be ready without a file code.');
      return next({
        state: 'ready',
        fileCode,
        links: event.links,
        progress: 100,
        speed: undefined,
        verify: undefined,
        error: undefined,
        nextAttemptAt: undefined,
      });
    }
    case 'fail':
      return next({ state: 'failed', error: event.error, speed: undefined, nextAttemptAt: undefined });
    case 'defer':
      return next({
        state: 'queued',
        nextAttemptAt: event.at,
        error: event.error ?? job.error,
        verify: event.verify || job.verify || undefined,
        speed: undefined,
        // Waiting for a slot is not a failed attempt: it must not use up the retries.
        ...(event.waiting ? { waiting: event.waiting, attempts: Math.max(0, job.attempts - 1) } : {}),
      });
    case 'interrupt':
      return next({
        state: 'interrupted',
        error: { code: 'network', message: event.message ?? interruptedMessage },
        speed: undefined,
      });
    case 'retry':
      // A job the host already accepted only needs watching again, never a second send.
      return next({
        state: job.fileCode || (job.kind === 'remote' && job.waiting === 'host') ? 'encoding' : 'queued',
        attempts: 0,
        error: undefined,
        nextAttemptAt: undefined,
        cancelled: undefined,
      });
    case 'cancel':
      return next({
        state: 'failed',
        cancelled: true,
        error: { code: 'invalid_input', message: cancelledMessage },
        speed: undefined,
        nextAttemptAt: undefined,
      });
  }
}

function progressed(job: Exclude<Job, { kind: 'remote' }>, event: { bytesSent: number; bytesTotal: number; phase?: 'download' | 'upload' }, now: number): Job {
  const { bytesSent, bytesTotal } = event;
  if (!(bytesSent >= 0) || !(bytesTotal >= 0)) {
    throw new AppError('invalid_input', 'Upload progress needs non-negative byte counts.');
  }
  // Only a relay has phases (its download, then its upload).
  const phase = job.kind === 'relay' ? event.phase : undefined;
  const samePhase = (job.kind === 'relay' ? job.phase : undefined) === phase;
  const sample = job.state === 'uploading' && samePhase && job.bytesSent !== undefined ? { at: job.updatedAt, bytes: job.bytesSent } : undefined;
  const instant = sample ? rate(sample, { at: now, bytes: bytesSent }) : undefined;
  const previous = samePhase ? job.speed : undefined;
  // Smooth the per-report rate so the shown speed and ETA do not jump around.
  const speed = instant === undefined ? previous : previous === undefined ? instant : previous * 0.7 + instant * 0.3;
  return patchJob(job, {
    updatedAt: now,
    state: 'uploading',
    phase,
    bytesSent,
    bytesTotal,
    speed,
    progress: bytesTotal > 0 ? clampPercent((bytesSent / bytesTotal) * 100) : undefined,
  });
}

function nonEmpty(value: string, name: string): string {
  if (!value) throw new AppError('invalid_input', `The host reply has no ${name}.`);
  return value;
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}
