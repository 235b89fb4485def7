import { errorCodes, type ErrorCode, type SerializedError } from '../../errors';

// When a failed send goes back to the queue, and how long it waits.

const transient: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'server', 'network', 'timeout']);

/** Errors after which the request may have reached the host although no good reply came back. */
const uncertain: ReadonlySet<ErrorCode> = new Set(['server', 'network', 'timeout', 'invalid_response']);

const retryBaseMs = 30_000;
export const retryCapMs = 30 * 60_000;
/** Automatic sends before a transient error is given up on and shown as failed. */
export const maxAutoAttempts = 5;

function codeOf(error: Pick<SerializedError, 'code'>): ErrorCode | undefined {
  return (errorCodes as readonly string[]).includes(error.code) ? (error.code as ErrorCode) : undefined;
}

export function shouldRetry(error: Pick<SerializedError, 'code'>): boolean {
  const code = codeOf(error);
  return code !== undefined && transient.has(code);
}

export function mayHaveLanded(error: Pick<SerializedError, 'code'>): boolean {
  const code = codeOf(error);
  return code !== undefined && uncertain.has(code);
}

/**
 * Delay before automatic attempt number `attempts + 1`: doubling from 30 s,
 * capped at 30 min, with jitter in [50 %, 100 %] so jobs that failed together
 * do not all come back at the same moment.
 */
export function nextRetryDelay(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  const ceiling = Math.min(retryCapMs, retryBaseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
