import { HostError } from '../../errors';
import type { HostClient } from '../../hosts/types';
import type { Job } from '../job';
import type { QueueCore } from '../core';
import type { JobDriver } from './types';

// Remote upload: the host fetches the URL itself. A request whose answer
// was lost may still have reached the host, so after a restart or an
// uncertain error the host is searched before the URL is sent again.

/**
 * Hosts with a remote-upload status call (DoodStream-style urlupload/status)
 * can say outright whether an earlier send of this URL is known: the place
 * for that check, before the search by title in the file list. No client
 * offers it yet, so the answer is "cannot tell" (undefined).
 */
async function hostStatusCheck(_client: HostClient, _job: Job): Promise<{ fileCode: string } | { absent: true } | undefined> {
  return undefined;
}

export const remoteDriver: JobDriver = {
  canStart: () => true,
  wantsClient: true,
  async send(job, core, context) {
    try {
      if (!job.url) throw new HostError('invalid_input', 'This remote upload has no video URL.');
      const client = await context.client!;
      if (job.verify) {
        const status = await hostStatusCheck(client, job);
        if (status && 'fileCode' in status) {
          await core.accepted(job.id, client, status.fileCode);
          return;
        }
        if (!status && (await core.settledByHost(job, client))) return;
      }
      let fileCode: string;
      try {
        ({ fileCode } = await client.remoteUpload(job.url, job.options));
      } finally {
        context.answered();
      }
      await core.accepted(job.id, client, fileCode);
    } catch (error) {
      await core.handleSendError(job.id, error);
    }
  },
  async recover(job: Job, core: QueueCore) {
    await core.move(job.id, { type: 'defer', at: core.deps.now(), verify: true });
  },
  cancel: () => undefined,
  mayHaveLanded: () => true,
};
