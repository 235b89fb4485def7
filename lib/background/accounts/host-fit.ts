import type { Account } from '../../accounts';
import { AppError } from '../../errors';
import { getPreset } from '../../hosts';
import type { Capability, HostPreset } from '../../hosts/types';
import type { UploadHostInfo } from '../../accounts/upload-fit';
import { accountProblem, fileProblems, type FileFacts } from '../../accounts/upload-fit';
import { effectiveOverrides } from './service';
import { keyFits } from '../../accounts/key-origin';

// What an account's host can do and take, from its preset and the account's
// capability overrides (and probe, for custom hosts): no request, and no
// client, is needed.

/**
 * Whether the account's client offers the capability. Switched on beyond its
 * preset, a capability exists only where the preset's client implements it
 * (`switchable`); a switch for anything else has no method behind it.
 */
function offers(preset: HostPreset, account: Account, capability: Capability): boolean {
  const override = effectiveOverrides(account)?.[capability];
  if (override === undefined) return preset.capabilities.has(capability);
  return override && preset.switchable.has(capability);
}

export function hostInfoOf(account: Account): UploadHostInfo | undefined {
  const preset = getPreset(account.hostId);
  if (!preset) return undefined;
  const has = (capability: Capability) => offers(preset, account, capability);
  // A preset may document a per-file limit; none of today's do.
  const maxFileBytes = (preset as { maxFileBytes?: number }).maxFileBytes;
  return {
    label: preset.label,
    canUpload: has('upload'),
    canRemote: has('remoteUpload'),
    adultFlag: preset.adultFlag,
    snapshots: preset.customSnapshot,
    folders: has('listFolder'),
    ...(preset.snapshotMaxBytes !== undefined ? { snapshotMaxBytes: preset.snapshotMaxBytes } : {}),
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
  };
}

function infoOrThrow(account: Account): UploadHostInfo {
  if (!account.enabled) throw new AppError('invalid_input', `The account "${account.label}" is turned off. Turn it on in Options first.`);
  const info = hostInfoOf(account);
  if (!info) throw new AppError('invalid_input', `The account "${account.label}" names a host VidRelay does not know.`);
  // Refused before anything is queued, as the client would refuse it when the job starts.
  if (!account.key) throw new AppError('auth', `The account "${account.label}" has no API key. Enter it in Options first.`);
  if (!keyFits(account, account)) {
    throw new AppError('auth', `The API address of "${account.label}" changed since its key was entered. Enter the API key again in Options.`);
  }
  return info;
}

/**
 * How a stream (an HLS playlist) reaches this account: the host fetches the
 * playlist itself only where its preset says its remote upload takes them;
 * otherwise VidRelay relays it (joins the segments and uploads one file).
 * Throws when the account can do neither.
 */
export function streamRoute(account: Account): 'remote' | 'relay' {
  const info = infoOrThrow(account);
  if (info.canRemote && getPreset(account.hostId)?.takesPlaylists === true) return 'remote';
  assertUploadFits(account);
  return 'relay';
}

/** Throws the first reason any file cannot go to this account, before anything is queued. */
export function assertFilesFit(account: Account, files: readonly FileFacts[]): void {
  const info = infoOrThrow(account);
  const whole = accountProblem(info);
  if (whole) throw new AppError('unsupported', whole.message);
  for (const file of files) {
    const problem = fileProblems(info, file)[0];
    if (problem) throw new AppError('invalid_input', `${account.label}: ${problem.message}`);
  }
}

/** Throws unless the account's host fetches URLs itself; the relay is the way for the others. */
export function assertRemoteFits(account: Account): void {
  const info = infoOrThrow(account);
  if (!info.canRemote) {
    throw new AppError(
      'unsupported',
      `${info.label} has no remote upload, so it cannot fetch a URL itself. Use "Relay through VidRelay": VidRelay downloads the video and uploads it to ${account.label}.`,
    );
  }
}

/** Throws unless the account takes uploaded files (a relay ends in one). */
export function assertUploadFits(account: Account): void {
  const whole = accountProblem(infoOrThrow(account));
  if (whole) throw new AppError('unsupported', whole.message);
}
