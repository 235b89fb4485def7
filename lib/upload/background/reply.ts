import { AppError } from '../../errors';
import { statusFailure } from '../../hosts/failures';
import type { HostClient } from '../../hosts/types';
import { matchUploadedFile } from '../../hosts/upload-match';

// Reads the upload POST's answer into a file code, or the AppError that says
// what happened and what to do. The host's own reader goes first: it knows
// its dialect's error bodies; the HTTP status decides when it cannot tell.

export function readUploadReply(client: HostClient, status: number, body: string, secrets: string[], sent: { name?: string; size?: number } = {}): string {
  let files: ReturnType<HostClient['parseUploadReply']> | undefined;
  let problem: unknown;
  try {
    files = client.parseUploadReply(body);
  } catch (error) {
    problem = error;
  }
  const ctx = { label: client.preset.label, secrets, credentials: client.preset.needsLogin ? 'login and key' : 'key' };
  if (status < 200 || status >= 300) {
    if (problem instanceof AppError && problem.code !== 'invalid_response') throw problem;
    throw statusFailure(status, ctx, body);
  }
  if (problem) throw problem;
  // The sent file by name (and size), else the only entry; a lone accepted entry beside rejected ones (a snapshot) still counts.
  const accepted = files?.filter((file) => file.ok && file.fileCode) ?? [];
  const landed = matchUploadedFile(files ?? [], sent) ?? (accepted.length === 1 ? accepted[0] : undefined);
  if (landed?.ok && landed.fileCode) return landed.fileCode;
  if (!landed && accepted.length > 1) {
    throw new AppError(
      'invalid_response',
      `${client.preset.label} listed several uploaded files and none is "${sent.name ?? 'the one sent'}". Check the file list before retrying.`,
    );
  }
  const said = landed?.error ?? files?.find((file) => file.error)?.error;
  throw new AppError('upload_rejected', `${client.preset.label} rejected the upload${said ? `: ${said}` : ''}. Check the file and the account, then retry.`);
}
