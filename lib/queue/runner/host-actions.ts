import { AppError } from '../../errors';
import type { Job } from '../model/job';
import type { QueueCore } from './core';
import type { HostRemoteAction } from './api';

// The user's hand on a remote upload stuck at the host (DoodStream-style
// urlupload/actions): restart the host's failed fetches, or remove this one
// from the host's queue. Only jobs the host is still working on qualify.

const removedAtHostMessage = "Removed from the host's remote-upload queue. Retry to send the URL again.";

export function createHostActions(core: QueueCore) {
  const { deps, store } = core;

  return async function hostAction(id: string, action: HostRemoteAction): Promise<Job> {
    const job = await store.get(id);
    if (!job) throw new AppError('not_found', 'That job is no longer in the queue.');
    if (job.kind !== 'remote' || job.state !== 'encoding') {
      throw new AppError('invalid_input', 'Only a remote upload the host is still working on can be restarted or removed there.');
    }
    const client = await deps.clientFor(job.accountId);
    if (!client.capabilities.has('remoteUploadAction')) {
      throw new AppError('unsupported', 'This host does not let VidRelay restart or remove its remote uploads.');
    }
    if (action === 'restart') {
      // The host's API restarts every failed fetch of the account at once; there is no per-file restart.
      await client.remoteUploadAction('restart_errors');
      await store.update(id, (current) => ({ ...current, error: undefined, progress: undefined, updatedAt: deps.now() }));
    } else {
      if (!job.fileCode) throw new AppError('invalid_input', 'The host has not named this file yet, so it cannot be removed there yet.');
      await client.remoteUploadAction('delete', job.fileCode);
      // Gone from the host's queue: a retry sends the URL afresh, it does not watch the old code.
      await store.update(id, (current) => ({ ...current, fileCode: undefined, links: undefined, waiting: undefined, progress: undefined }));
      await core.move(id, { type: 'fail', error: { code: 'invalid_input', message: removedAtHostMessage } });
    }
    await core.reschedule();
    return (await store.get(id))!;
  };
}
