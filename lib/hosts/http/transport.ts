// Shared HTTP for every dialect: one timeout per attempt, retries with
// exponential backoff and jitter for idempotent GETs only, failures that
// never carry the request URL (the key travels in the query string), and no
// redirect followed to another origin.
import { AppError, redactKey } from '../../errors';
import type { FailureContext } from '../failures';
import type { HostClientDeps } from '../types';
import { readCapped, ReplyTooLarge } from './read-capped';

export interface HttpReply {
  status: number;
  contentType: string;
  text: string;
  retryAfterMs?: number;
}

interface HttpRequest<T> {
  url: URL;
  /** GETs that change nothing may be retried; upload/url and POSTs may not. */
  idempotent: boolean;
  /** Reads a reply; throws AppError for a failure (retried when retryable). */
  interpret: (reply: HttpReply) => T;
}

export interface Http {
  send<T>(request: HttpRequest<T>): Promise<T>;
}

/** How long one request may go unanswered before it is given up (the default per attempt). */
export const requestTimeoutMs = 30_000;
const defaults = { timeoutMs: requestTimeoutMs, retries: 3, backoffMs: 500 };
const maxRetryAfterMs = 30_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const maxRedirects = 3;

/** undefined: not a redirect. null: a redirect whose target cannot be seen (a browser's opaque redirect). */
function redirectTarget(response: Response, from: URL): URL | null | undefined {
  if (response.type === 'opaqueredirect') return null;
  if (response.status < 300 || response.status >= 400 || response.status === 304) return undefined;
  const location = response.headers.get('location');
  if (!location) return undefined;
  try {
    return new URL(location, from);
  } catch {
    return null;
  }
}

async function readReply(response: Response): Promise<HttpReply> {
  const text = await readCapped(response);
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: Math.min(retryAfter * 1000, maxRetryAfterMs) } : {}),
  };
}

export function createHttp(deps: HostClientDeps, ctx: FailureContext): Http {
  const timeoutMs = deps.timeoutMs ?? defaults.timeoutMs;
  const retries = Math.max(0, deps.retries ?? defaults.retries);
  const backoffMs = deps.backoffMs ?? defaults.backoffMs;
  const sleep = deps.sleep ?? realSleep;

  async function attempt(url: URL): Promise<HttpReply> {
    const doFetch = deps.fetch ?? globalThis.fetch;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let at = url;
      for (let hop = 0; ; hop++) {
        // Redirects are not followed blindly: the key travels in the query string.
        const response = await doFetch(at.toString(), {
          method: 'GET',
          headers: { accept: 'application/json, text/plain, */*' },
          signal: controller.signal,
          redirect: 'manual',
        });
        const next = redirectTarget(response, at);
        if (next === undefined) return await readReply(response);
        void response.body?.cancel().catch(() => undefined);
        // Only a same-origin hop is followed; a browser hides where it points (opaque), so none there.
        if (next === null || next.origin !== url.origin || hop >= maxRedirects) throw redirectRefused(url);
        at = next;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof ReplyTooLarge) {
        throw new AppError(
          'invalid_response',
          `${ctx.label} sent a reply larger than any API answer (${error.message}); VidRelay stopped reading it. Check the API base URL in Options.`,
        );
      }
      throw transportFailure(error, controller.signal.aborted, url);
    } finally {
      clearTimeout(timer);
    }
  }

  function redirectRefused(url: URL): AppError {
    return new AppError(
      'invalid_response',
      `${ctx.label} (${url.host}) redirected the request elsewhere; VidRelay does not follow it with your key. Check the API base URL in Options.`,
    );
  }

  function transportFailure(error: unknown, timedOut: boolean, url: URL): AppError {
    // Keep the cause's text for debugging, but never the URL (its query holds the key).
    const text = error instanceof Error ? error.message : String(error);
    const cause = new Error(redactKey(text.split(url.toString()).join(url.origin), ...ctx.secrets));
    if (timedOut) {
      return new AppError(
        'timeout',
        `${ctx.label} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}. Try again later.`,
        { cause },
      );
    }
    return new AppError('network', `Could not reach ${ctx.label} (${url.host}). Check your connection and the API base URL in Options.`, { cause });
  }

  return {
    async send<T>(request: HttpRequest<T>): Promise<T> {
      const allowed = request.idempotent ? retries : 0;
      for (let n = 0; ; n++) {
        let failure: AppError;
        let waitHint: number | undefined;
        try {
          const reply = await attempt(request.url);
          waitHint = reply.retryAfterMs;
          return request.interpret(reply);
        } catch (error) {
          failure = error instanceof AppError ? error : new AppError('invalid_response', `${ctx.label} sent a reply VidRelay cannot read.`);
        }
        if (!failure.retryable || n >= allowed) throw failure;
        const backoff = backoffMs * 2 ** n + Math.random() * backoffMs;
        await sleep(Math.max(backoff, waitHint ?? 0));
      }
    },
  };
}
