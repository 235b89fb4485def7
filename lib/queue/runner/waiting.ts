import { AppError } from '../../errors';
import type { HostClient } from '../../hosts/types';
import type { RemoteUploadState } from '../../hosts/upload-types';
import type { Job, RemoteJob } from '../model/job';
import { matchRemoteStatus } from '../drivers/remote-status';
import type { QueueCore } from './core';

// Remote uploads the host took without naming the file ("WORKING"): they
// are never sent again, only looked for on each poll, first in the host's
// remote-upload queue (matched by URL), else in its file list (by title and
// time, as after a lost answer). A job is not left waiting for ever: where
// the host can be asked neither way, or nothing turned up within a day, it
// ends failed with a message that says to look on the host before sending
// the URL again (sending it blindly could make a second copy there).

/** How long a remote upload the host took may wait for its file to be named. */
export const hostWaitLimitMs = 24 * 60 * 60 * 1000;

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
  let client: HostClient;
  try {
    client = await core.deps.clientFor(accountId);
  } catch {
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
        const message = `${host} took the URL without naming the file it made, and it cannot be asked for its files: look for the file on ${host} before you send this URL again.`;
        await core.move(job.id, { type: 'fail', error: { code: 'unsupported', message } });
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
      const since = job.sentAt ?? job.updatedAt;
      if (core.deps.now() - since > hostWaitLimitMs) {
        const message = `${host} took the URL but no file from it turned up within a day: look for the file on ${host} before you send this URL again.`;
        await core.move(job.id, { type: 'fail', error: { code: 'not_found', message } });
      }
    });
  }
  return matched;
}
