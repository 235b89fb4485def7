// A capability the account had (assumed from the standard XFS set, or
// switched on in Options → Advanced) that the host turned out not to offer.
// It is a AppError `unsupported`; `capability` and `discovered` let the
// background switch the capability off on the account once and tell the user.
import { AppError } from '../errors';
import { asObject, type Json } from './coerce';
import { quoteHost, type FailureContext } from './failures';
import { parseLenientJson, type HttpReply } from './http';
import type { Capability } from './types';

export class UnsupportedAtHost extends AppError {
  readonly capability: Capability;
  readonly discovered = true as const;

  constructor(ctx: FailureContext, capability: Capability, hostText?: string) {
    super(
      'unsupported',
      `${ctx.label} does not offer this through its API (${capability}). VidRelay turns it off for this account; you can switch it back on in Options → Advanced.${quoteHost(hostText, ctx)}`,
      { status: 404 },
    );
    this.name = 'UnsupportedAtHost';
    this.capability = capability;
  }
}

/**
 * Whether the reply says the endpoint itself is missing: the web server's own
 * 404, 405 or 501 page instead of JSON (a JSON 404 is about a file or folder),
 * or JSON whose message (`messageOf`, in the family's fields) `refuses` the
 * call. Returns that message when there is one, true for the page, else false.
 */
export function missingEndpoint(reply: HttpReply, messageOf: (body: Json) => string | undefined, refuses: (message: string) => boolean): boolean | string {
  let parsed: unknown;
  try {
    parsed = parseLenientJson(reply.text);
  } catch {
    return reply.status === 404 || reply.status === 405 || reply.status === 501;
  }
  const body = asObject(parsed);
  const msg = body ? messageOf(body) : undefined;
  return msg !== undefined && refuses(msg) ? msg : false;
}

export function isUnsupportedAtHost(error: unknown): error is UnsupportedAtHost {
  return error instanceof UnsupportedAtHost;
}
