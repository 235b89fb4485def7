import type { ErrorCode, SerializedError } from '../../errors';

// How the uploader's transfers fail (a plain download, a stream relay, the
// upload POST): an error with the app's code, which the background records.

export class UploadFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export class Cancelled extends Error {}

/** Failures the queue retries on its own (lib/errors.ts): a stream relay keeps its spool for them. */
export const retryableCodes: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'server', 'network', 'timeout']);

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the upload server';
  }
}

export function sourceFailure(status: number, url: string): UploadFailure {
  const where = hostOf(url);
  if (status === 404 || status === 410) {
    return new UploadFailure('not_found', `${where} answered ${status}: the video is gone or the link expired. Copy a fresh link and relay again.`, status);
  }
  if (status === 401 || status === 403) {
    return new UploadFailure(
      'bad_request',
      `${where} refused the download (${status}). Open the video's page in this browser (signed in if needed), copy the link again and relay it.`,
      status,
    );
  }
  if (status === 429) return new UploadFailure('rate_limited', `${where} is limiting downloads (429). VidRelay tries again later.`, status);
  if (status >= 500) return new UploadFailure('server', `${where} had a server error (${status}) while sending the video. VidRelay tries again later.`, status);
  return new UploadFailure('bad_request', `${where} answered ${status} to the download. Check the link.`, status);
}

export function serialize(error: unknown): SerializedError {
  if (error instanceof UploadFailure) return { code: error.code, message: error.message, ...(error.status ? { status: error.status } : {}) };
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'server', message: `The upload stopped: ${text}` };
}
