import type { Account } from '../../accounts';
import { HostError } from '../../errors';
import { getPreset } from '../../hosts';
import type { UploadHostInfo } from '../../accounts/upload-fit';
import { accountProblem, fileProblems, type FileFacts } from '../../accounts/upload-fit';
import { clientForAccount } from './service';

// What an account's host can do and take, from its preset and the account's
// capability overrides (and probe, for custom hosts): no request is needed.

export function hostInfoOf(account: Account): UploadHostInfo | undefined {
  const preset = getPreset(account.hostId);
  if (!preset) return undefined;
  const caps = clientForAccount(account).capabilities;
  // A preset may document a per-file limit; none of today's do.
  const maxFileBytes = (preset as { maxFileBytes?: number }).maxFileBytes;
  return {
    label: preset.label,
    canUpload: caps.has('upload'),
    canRemote: caps.has('remoteUpload'),
    adultFlag: preset.adultFlag,
    snapshots: preset.customSnapshot,
    folders: caps.has('listFolder'),
    ...(preset.snapshotMaxBytes !== undefined ? { snapshotMaxBytes: preset.snapshotMaxBytes } : {}),
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
  };
}

function infoOrThrow(account: Account): UploadHostInfo {
  if (!account.enabled) throw new HostError('invalid_input', `The account "${account.label}" is turned off. Turn it on in Options first.`);
  const info = hostInfoOf(account);
  if (!info) throw new HostError('invalid_input', `The account "${account.label}" names a host VidRelay does not know.`);
  return info;
}

/** Throws the first reason any file cannot go to this account, before anything is queued. */
export function assertFilesFit(account: Account, files: readonly FileFacts[]): void {
  const info = infoOrThrow(account);
  const whole = accountProblem(info);
  if (whole) throw new HostError('unsupported', whole.message);
  for (const file of files) {
    const problem = fileProblems(info, file)[0];
    if (problem) throw new HostError('invalid_input', `${account.label}: ${problem.message}`);
  }
}

/** Throws unless the account's host fetches URLs itself; the relay is the way for the others. */
export function assertRemoteFits(account: Account): void {
  const info = infoOrThrow(account);
  if (!info.canRemote) {
    throw new HostError(
      'unsupported',
      `${info.label} has no remote upload, so it cannot fetch a URL itself. Use "Relay through VidRelay": VidRelay downloads the video and uploads it to ${account.label}.`,
    );
  }
}

/** Throws unless the account takes uploaded files (a relay ends in one). */
export function assertUploadFits(account: Account): void {
  const whole = accountProblem(infoOrThrow(account));
  if (whole) throw new HostError('unsupported', whole.message);
}
