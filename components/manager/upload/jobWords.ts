import type { Job, UploadJob } from '../../../lib/queue/model/job';
import type { MessageKey } from '../../../lib/i18n';

// What the Upload tab's rows say about a job: its state word and its name.

export const stateText: Record<Job['state'], MessageKey> = {
  queued: 'upStateQueued',
  sending: 'upStateSending',
  uploading: 'upStateUploading',
  encoding: 'upStateEncoding',
  ready: 'upStateReady',
  failed: 'upStateFailed',
  interrupted: 'upStateInterrupted',
};

export function nameOf(job: UploadJob): string {
  return job.kind === 'file' ? job.file.name : (job.title ?? job.url ?? job.id);
}

/**
 * Done with its bytes, so a compact line says all: landed (encoding, ready)
 * or stopped with nothing left to choose. An interrupted file upload waits for
 * its file and keeps the full row, which says so.
 */
export function settled(job: UploadJob): boolean {
  if (job.state === 'interrupted') return job.kind !== 'file';
  return job.state === 'encoding' || job.state === 'ready' || job.state === 'failed';
}
