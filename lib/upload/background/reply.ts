import { HostError } from '../../errors';
import { statusFailure } from '../../hosts/failures';
import type { HostClient } from '../../hosts/types';

// Reads the upload POST's answer into a file code, or the HostError that says
// what happened and what to do. The host's own reader goes first: it knows
// its dialect's error bodies; the HTTP status decides when it cannot tell.

export function readUploadReply(client: HostClient, status: number, body: string, secrets: string[]): string {
  let files: ReturnType<HostClient['parseUploadReply']> | undefined;
  let problem: unknown;
  try {
    files = client.parseUploadReply(body);
  } catch (error) {
    problem = error;
  }
  const ctx = { label: client.preset.label, secrets, credentials: client.preset.needsLogin ? 'login and key' : 'key' };
  if (status < 200 || status >= 300) {
    if (problem instanceof HostError && problem.code !== 'invalid_response') throw problem;
    throw statusFailure(status, ctx, body);
  }
  if (problem) throw problem;
  const landed = files?.find((file) => file.ok && file.fileCode);
  if (landed) return landed.fileCode;
  const said = files?.find((file) => file.error)?.error;
  throw new HostError('upload_rejected', `${client.preset.label} rejected the upload${said ? `: ${said}` : ''}. Check the file and the account, then retry.`);
}
