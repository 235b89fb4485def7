import { AppError, type SerializedError } from '../../errors';
import type { HostClient } from '../../hosts/types';
import type { RemoteUploadState } from '../../hosts/upload-types';
import type { Job, RemoteJob } from '../model/job';
import { matchRemoteStatus } from '../drivers/remote-status';
import type { QueueCore } from './core';

// Remote uploads the host took without naming the file ("WORKING"): they
// are never sent again, only looked for on each poll, first in the host's
// remote-upload queue (matched by URL), else in its file list (by title and
// time, as after a lost answer). A job is not left waiting for ever: where
// the host can be asked neither way it ends after a short wait, where
// nothing turned up (or the account could not be reached) within a day it
// ends then. Either way it fails with code `unconfirmed`, which the UI words
// in the user's language: look on the host before sending the URL again
// (sending it blindly could make a second copy there).

/** How long a remote upload the host took may wait for its file to be named. */
export const hostWaitLimitMs = 24 * 60 * 60 * 1000;

/**
 * Where the host can be asked for neither its remote uploads nor its files,
 * waiting cannot name the file; the job still waits this long before it
 * ends, so that when the user looks on the host, as its message asks, the
 * host has had the time a remote fetch of a usual video takes to list it.
 */
export const unaskableWaitMs = 10 * 60 * 1000;

/** The job's error once it ends unconfirmed (the UI shows its own words for the code). */
function unconfirmed(host: string, why: string): SerializedError {
  return { code: 'unconfirmed', message: `${host} took the URL, but ${why}: look for the video on ${host} before you send this URL again.` };
}

/** The host's own progress: percent of the bytes it has fetched, when it says. */
export function hostProgress(entry: RemoteUploadState): number | undefined {
  if (!entry.bytesTotal || entry.bytesDone === undefined) return undefined;
  return Math.min(100, Math.max(0, (entry.bytesDone / entry.bytesTotal) * 100));
}

/** The host's error for an entry, as a job error the UI shows (the job keeps waiting: the user may restart it on the host). */
export function hostErrorOf(entry: RemoteUploadState): Job['error'] {
  if (entry.state !== 'error') return undefined;
  return { code: 'upload_rejected', message: `The host could not fetch this URL: ${entry.error || entry.hostStatus || 'error'}` };
}

/** One poll of an account's waiting jobs: the ids of those now matched. Host trouble leaves them waiting for the next poll. */
export async function pollWaiting(core: QueueCore, accountId: string, jobs: RemoteJob[]): Promise<string[]> {
  const matched: string[] = [];
  const waitedPast = (job: RemoteJob, limit: number) => core.deps.now() - (job.sentAt ?? job.updatedAt) > limit;
  let client: HostClient;
  try {
    client = await core.deps.clientFor(accountId);
  } catch {
    // The account cannot be reached (removed, unreadable): the day's bound still holds.
    for (const job of jobs.filter((waiting) => waitedPast(waiting, hostWaitLimitMs))) {
      await core.guard(job.id, () => core.move(job.id, { type: 'fail', error: unconfirmed('The host', 'its account could not be reached for a day') }));
    }
    return matched;
  }
  let entries: RemoteUploadState[] | undefined;
  if (client.capabilities.has('remoteUploadStatus')) {
    try {
      entries = await client.remoteUploadStatus();
    } catch {
      // The file list below still finds it.
    }
  }
  const host = client.preset.label;
  const askable = client.capabilities.has('remoteUploadStatus') || client.capabilities.has('listFiles');
  for (const job of jobs) {
    await core.guard(job.id, async () => {
      if (!askable) {
        if (waitedPast(job, unaskableWaitMs)) await core.move(job.id, { type: 'fail', error: unconfirmed(host, 'it cannot be asked which file it made') });
        return;
      }
      if (entries) {
        const entry = await matchRemoteStatus(client, job, core.store, entries);
        if (entry?.fileCode) {
          await core.accepted(job.id, client, entry.fileCode);
          matched.push(job.id);
          return;
        }
      }
      if (client.capabilities.has('listFiles')) {
        try {
          const check = await core.lookOnHost(job, client);
          if ('found' in check && check.found) {
            await core.accepted(job.id, client, check.found);
            matched.push(job.id);
            return;
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
        }
      }
      if (waitedPast(job, hostWaitLimitMs)) await core.move(job.id, { type: 'fail', error: unconfirmed(host, 'no file from it turned up within a day') });
    });
  }
  return matched;
}
