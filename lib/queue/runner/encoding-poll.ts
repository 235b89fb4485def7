import { AppError, toSerializedError, type SerializedError } from '../../errors';
import type { Job, RemoteJob } from '../model/job';
import { shouldRetry } from '../model/retry';
import { hostErrorOf, hostProgress, pollWaiting } from './waiting';
import type { RemoteUploadState } from '../../hosts/upload-types';
import type { QueueCore } from './core';

// The encoding poll (run by the alarm): each account's encoding jobs are
// asked about in one call; ready, failed and lost files move their jobs.

const hostFailedMessage = 'The host could not process this video. Check that the source plays, then send it again.';
const hostLostMessage = 'The host no longer knows this file. Send the video again.';

export function createEncodingPoll(core: QueueCore, missingGraceMs = core.deps.missingGraceMs ?? 6 * 60 * 60_000) {
  const { deps, store } = core;

  async function pollAccount(accountId: string, jobs: Job[]): Promise<void> {
    try {
      const client = await deps.clientFor(accountId);
      // A host without file info (DoodStream's documented set) is followed through its remote-upload list alone.
      const files = client.capabilities.has('fileInfo') ? await client.fileInfo(jobs.map((job) => job.fileCode!)) : undefined;
      const progress = new Map<string, number>();
      let convertsRead = false;
      if (client.capabilities.has('encodings')) {
        // Progress is a nicety: a failing encodings call must not fail the jobs.
        try {
          for (const entry of await client.encodings()) progress.set(entry.fileCode, entry.progress);
          convertsRead = true;
        } catch {}
      }
      // Remote uploads the host is still fetching: its own progress and errors, where it has a queue list.
      const fetching = new Map<string, RemoteUploadState>();
      if (client.capabilities.has('remoteUploadStatus') && jobs.some((job) => job.kind === 'remote')) {
        try {
          for (const entry of await client.remoteUploadStatus()) if (entry.fileCode) fetching.set(entry.fileCode, entry);
        } catch {}
      }
      for (const job of jobs) {
        await core.guard(job.id, async () => {
          const entry = job.kind === 'remote' ? fetching.get(job.fileCode!) : undefined;
          const file = files?.find((candidate) => candidate.fileCode === job.fileCode);
          // A host without file info but with a list of running conversions (Streamtape): a file named and no longer converting is ready.
          const fromConverts = !files && !entry && convertsRead ? (progress.has(job.fileCode!) ? 'encoding' : 'ready') : undefined;
          let status = file?.status ?? fromConverts ?? (entry?.state === 'done' ? 'ready' : entry ? 'encoding' : 'missing');
          // A fetch the host reports failed stays open where the user can restart it there (History).
          if (entry?.state === 'error' && client.capabilities.has('remoteUploadAction')) status = 'encoding';
          if (status === 'ready') {
            await core.move(job.id, { type: 'ready', links: client.links(job.fileCode!) });
          } else if (status === 'failed') {
            await core.move(job.id, { type: 'fail', error: { code: 'upload_rejected', message: hostFailedMessage } });
          } else if (status === 'missing' && deps.now() - (job.sentAt ?? job.createdAt) > missingGraceMs) {
            await core.move(job.id, { type: 'fail', error: { code: 'not_found', message: hostLostMessage } });
          } else {
            const fetched = entry && entry.state !== 'done' ? hostProgress(entry) : undefined;
            await core.move(job.id, { type: 'encoding', progress: fetched ?? progress.get(job.fileCode!) });
            const hostError = entry ? hostErrorOf(entry) : undefined;
            if (hostError || (entry && job.error?.code === 'upload_rejected')) {
              await store.update(job.id, (current) => ({ ...current, error: hostError }));
            }
          }
        });
      }
    } catch (error) {
      const serialized: SerializedError = toSerializedError(error);
      // Transient trouble: the next poll tries again. Anything else the user must fix, so say so.
      if (shouldRetry(serialized)) return;
      for (const job of jobs) await core.guard(job.id, () => core.move(job.id, { type: 'fail', error: serialized }));
    }
  }

  /** Check every encoding job, by account. */
  return async function pollEncoding(): Promise<void> {
    const groups = new Map<string, Job[]>();
    const waiting = new Map<string, RemoteJob[]>();
    for (const job of await store.active()) {
      if (job.state !== 'encoding') continue;
      if (!job.fileCode && job.kind === 'remote' && job.waiting === 'host') {
        waiting.set(job.accountId, [...(waiting.get(job.accountId) ?? []), job]);
        continue;
      }
      if (!job.fileCode) {
        await core.failSafely(job.id, new AppError('invalid_response', 'The host gave no file code for this upload. Send it again.'));
        continue;
      }
      groups.set(job.accountId, [...(groups.get(job.accountId) ?? []), job]);
    }
    for (const [accountId, group] of waiting) {
      // A file found now is followed in this same pass: it may be ready already.
      const found = await store.getMany(await pollWaiting(core, accountId, group));
      const named = found.filter((job) => job.state === 'encoding' && job.fileCode);
      if (named.length) groups.set(accountId, [...(groups.get(accountId) ?? []), ...named]);
    }
    for (const [accountId, group] of groups) await pollAccount(accountId, group);
  };
}
