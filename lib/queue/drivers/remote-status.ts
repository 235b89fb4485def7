import type { HostClient } from '../../hosts/types';
import type { RemoteUploadState } from '../../hosts/upload-types';
import type { RemoteJob } from '../model/job';
import type { JobStore } from '../store/types';

// A host's remote-upload queue (DoodStream-style urlupload/status) lists the
// URLs it was sent: the remote driver asks it whether a cut-off send arrived,
// the runner's poll (lib/queue/runner/waiting.ts) whether a URL the host took
// has its file named yet.

/** The host's remote-upload entry for this job's URL that no other job owns. */
export async function matchRemoteStatus(
  client: HostClient,
  job: RemoteJob,
  store: Pick<JobStore, 'codesTaken'>,
  entries?: RemoteUploadState[],
): Promise<RemoteUploadState | undefined> {
  const list = entries ?? (await client.remoteUploadStatus());
  const same = list.filter((entry) => entry.url === job.url && entry.fileCode);
  if (!same.length) return undefined;
  const taken = await store.codesTaken(
    job.accountId,
    same.map((entry) => entry.fileCode!),
    job.id,
  );
  return same.find((entry) => !taken.has(entry.fileCode!));
}
