// Turns HTTP and in-body statuses into HostErrors whose message says what to
// do. Host text is quoted only after the key is masked.
import { AppError, redactKey, type ErrorCode } from '../errors';
import { collapseSpace, hostTextCap, stripTags } from './host-text';

export interface FailureContext {
  /** Shown in messages, e.g. "media.cm". */
  label: string;
  /** Secrets to mask in any host text we quote. */
  secrets: string[];
  /** "key" or "login and key", for the auth advice. */
  credentials: string;
}

const authPattern =
  /invalid (api )?key|wrong (api )?key|wrong auth|invalid credentials|invalid login|unauthori[sz]ed|not authori[sz]ed|permission denied|access denied|no such user|bad key/i;

export function looksLikeAuthMessage(text: string): boolean {
  return authPattern.test(text);
}

export function codeForStatus(status: number): ErrorCode | undefined {
  if (status >= 200 && status < 300) return undefined;
  if (status === 400 || status === 422) return 'bad_request';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 451) return 'legal';
  if (status === 509) return 'bandwidth';
  if (status >= 500) return 'server';
  return 'bad_request';
}

function advice(code: ErrorCode, ctx: FailureContext, status?: number): string {
  switch (code) {
    case 'auth':
      return `${ctx.label} rejected the API ${ctx.credentials}. Check the ${ctx.credentials} in Options.`;
    case 'bad_request':
      return `${ctx.label} refused the request as invalid${status ? ` (${status})` : ''}. Check the values you entered.`;
    case 'not_found':
      return `${ctx.label} could not find that file or folder. It may have been deleted.`;
    case 'conflict':
      return `${ctx.label} reported a conflict (for example the name is taken). Change the name and try again.`;
    case 'legal':
      return `${ctx.label} blocks this file for legal reasons (451). It cannot be used.`;
    case 'bandwidth':
      return `${ctx.label} says the account's bandwidth is used up (509). Wait for it to reset or upgrade the plan.`;
    case 'rate_limited':
      return `${ctx.label} is limiting requests (429). Wait a minute and try again.`;
    case 'server':
      return `${ctx.label} had a server error${status ? ` (${status})` : ''}. Try again later.`;
    case 'invalid_response':
      return `${ctx.label} sent a reply VidRelay cannot read. Check the API base URL in Options, or try again later.`;
    case 'upload_rejected':
      return `${ctx.label} rejected the upload.`;
    default:
      return `${ctx.label} request failed.`;
  }
}

/** Host text, masked and shortened, to quote after our advice. */
export function quoteHost(text: string | undefined, ctx: FailureContext): string {
  const raw = text ?? '';
  let clean = redactKey(collapseSpace(stripTags(raw.slice(0, hostTextCap))), ...ctx.secrets);
  // A secret cut in two at the cap would not be masked: the end that may hold its first part is dropped.
  if (raw.length > hostTextCap) clean = clean.slice(0, Math.max(0, clean.length - longestForm(ctx.secrets)));
  if (!clean || /^ok$/i.test(clean)) return '';
  return ` Host said: "${clean.length > 160 ? `${clean.slice(0, 157)}...` : clean}".`;
}

/** The longest form a secret may be quoted in (percent-encoded twice: up to nine characters each). */
function longestForm(secrets: readonly string[]): number {
  return Math.max(0, ...secrets.map((secret) => secret.length * 9));
}

export function hostFailure(code: ErrorCode, ctx: FailureContext, opts: { status?: number; hostText?: string } = {}): AppError {
  return new AppError(code, advice(code, ctx, opts.status) + quoteHost(opts.hostText, ctx), { status: opts.status });
}

/** A failure from a status (HTTP or body) plus the host's message. */
export function statusFailure(status: number, ctx: FailureContext, hostText?: string): AppError {
  const code = hostText && looksLikeAuthMessage(hostText.slice(0, hostTextCap)) ? 'auth' : (codeForStatus(status) ?? 'server');
  return hostFailure(code, ctx, { status, hostText });
}

export function invalidResponse(ctx: FailureContext, detail: string): AppError {
  return new AppError('invalid_response', `${advice('invalid_response', ctx)} (${detail})`);
}

export function unsupported(ctx: FailureContext, what: string): AppError {
  return new AppError('unsupported', `${ctx.label} does not offer ${what} through its API.`);
}

export function invalidInput(message: string): AppError {
  return new AppError('invalid_input', message);
}

/**
 * For callers that cannot wait for a pending remote upload: the host took
 * the URL but named no file. Not retryable: sending again would queue it twice.
 */
export function pendingFailure(ctx: FailureContext, hostText?: string): AppError {
  return new AppError(
    'invalid_response',
    `${ctx.label} accepted the URL but has not named the file yet. Look for it in the file list before sending it again.${quoteHost(hostText, ctx)}`,
    { retryable: false },
  );
}
