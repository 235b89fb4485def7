// The app's one error type: everything that can go wrong talking to a host
// (the host layer's failures, lib/hosts/failures.ts), handling user input, or
// storing data. The UI switches on `code`; `message` tells the user what to
// do. Messages never contain an API key (see redactKey).

import { scrubText } from './scrub';

export const errorCodes = [
  'auth',
  'bad_request',
  'not_found',
  'conflict',
  'legal',
  'bandwidth',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'invalid_response',
  'upload_rejected',
  'unsupported',
  'invalid_input',
  // Not a host answer: the browser has not granted VidRelay access to the host's origin.
  'permission',
  // Not a host answer: a stored record could not be read, so VidRelay will not overwrite it.
  'storage_unreadable',
  // Not a host answer: the browser refused to store something (disk full, quota, a broken database).
  'storage',
  // Not a host answer: the host took a remote upload, but VidRelay cannot learn which file it made.
  'unconfirmed',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const retryableCodes: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'server', 'network', 'timeout']);

export interface AppErrorInit {
  status?: number;
  retryable?: boolean;
  cause?: unknown;
  /** With `permission`: the site the user may allow for the account (an upload server the host named). */
  site?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly retryable: boolean;
  readonly site?: string;

  constructor(code: ErrorCode, message: string, init: AppErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = init.status;
    this.retryable = init.retryable ?? retryableCodes.has(code);
    if (init.site) this.site = init.site;
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, ...(this.status ? { status: this.status } : {}), ...(this.site ? { site: this.site } : {}) };
  }
}

/** The shape an error takes when it crosses messaging or is persisted. */
export interface SerializedError {
  code: ErrorCode;
  message: string;
  status?: number;
  /** See AppErrorInit.site. */
  site?: string;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Replace every occurrence of each secret in `text` (as sent, URL- or JSON-encoded) with a mask. */
export function redactKey(text: string, ...secrets: (string | undefined)[]): string {
  return scrubText(text, ...secrets);
}

/** Turn anything thrown into a SerializedError that is safe to show. */
export function toSerializedError(error: unknown, ...secrets: (string | undefined)[]): SerializedError {
  if (error instanceof AppError) {
    const out = error.toJSON();
    return { ...out, message: redactKey(out.message, ...secrets) };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'server', message: redactKey(`Unexpected error: ${text}`, ...secrets) };
}

/**
 * The name the host layer's contract (DESIGN.md: "every failure is a
 * HostError") gives this type. The same class: `instanceof HostError` holds
 * for every AppError.
 */
export { AppError as HostError };
