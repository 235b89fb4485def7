// A capability the account had (assumed from the standard XFS set, or
// switched on in Options → Advanced) that the host turned out not to offer.
// It is a AppError `unsupported`; `capability` and `discovered` let the
// background switch the capability off on the account once and tell the user.
import { AppError } from '../errors';
import { quoteHost, type FailureContext } from './failures';
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

export function isUnsupportedAtHost(error: unknown): error is UnsupportedAtHost {
  return error instanceof UnsupportedAtHost;
}
