import { HostError, toSerializedError, type SerializedError } from '../errors';
import type { Job } from './job';
import { shouldRetry } from './retry';
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
      const files = await client.fileInfo(jobs.map((job) => job.fileCode!));
      const progress = new Map<string, number>();
      if (client.capabilities.has('encodings')) {
        // Progress is a nicety: a failing encodings call must not fail the jobs.
        try {
          for (const entry of await client.encodings()) progress.set(entry.fileCode, entry.progress);
        } catch {}
      }
      for (const job of jobs) {
        await core.guard(job.id, async () => {
          const file = files.find((candidate) => candidate.fileCode === job.fileCode);
          const status = file?.status ?? 'missing';
          if (status === 'ready') {
            await core.move(job.id, { type: 'ready', links: client.links(job.fileCode!) });
          } else if (status === 'failed') {
            await core.move(job.id, { type: 'fail', error: { code: 'upload_rejected', message: hostFailedMessage } });
          } else if (status === 'missing' && deps.now() - (job.sentAt ?? job.createdAt) > missingGraceMs) {
            await core.move(job.id, { type: 'fail', error: { code: 'not_found', message: hostLostMessage } });
          } else {
            await core.move(job.id, { type: 'encoding', progress: progress.get(job.fileCode!) });
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
    for (const job of await store.active()) {
      if (job.state !== 'encoding' || job.kind === 'mirror') continue;
      if (!job.fileCode) {
        await core.failSafely(job.id, new HostError('invalid_response', 'The host gave no file code for this upload. Send it again.'));
        continue;
      }
      groups.set(job.accountId, [...(groups.get(job.accountId) ?? []), job]);
    }
    for (const [accountId, group] of groups) await pollAccount(accountId, group);
  };
}
