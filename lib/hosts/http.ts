// Shared HTTP for every dialect: one timeout per attempt, retries with
// exponential backoff and jitter for idempotent GETs only, and failures that
// never carry the request URL (the key travels in the query string).
import { HostError, redactKey } from '../errors';
import type { HostClientDeps } from './types';
import type { FailureContext } from './failures';

export interface HttpReply {
  status: number;
  contentType: string;
  text: string;
  retryAfterMs?: number;
}

export interface HttpRequest<T> {
  url: URL;
  /** GETs that change nothing may be retried; upload/url and POSTs may not. */
  idempotent: boolean;
  /** Reads a reply; throws HostError for a failure (retried when retryable). */
  interpret: (reply: HttpReply) => T;
}

export interface Http {
  send<T>(request: HttpRequest<T>): Promise<T>;
}

const defaults = { timeoutMs: 30_000, retries: 3, backoffMs: 500 };
const maxRetryAfterMs = 30_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
      const response = await doFetch(url.toString(), {
        method: 'GET',
        headers: { accept: 'application/json, text/plain, */*' },
        signal: controller.signal,
        redirect: 'follow',
      });
      const text = await response.text();
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        text,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: Math.min(retryAfter * 1000, maxRetryAfterMs) } : {}),
      };
    } catch (error) {
      throw transportFailure(error, controller.signal.aborted, url);
    } finally {
      clearTimeout(timer);
    }
  }

  function transportFailure(error: unknown, timedOut: boolean, url: URL): HostError {
    // Keep the cause's text for debugging, but never the URL (its query holds the key).
    const text = error instanceof Error ? error.message : String(error);
    const cause = new Error(redactKey(text.split(url.toString()).join(url.origin), ...ctx.secrets));
    if (timedOut) {
      return new HostError(
        'timeout',
        `${ctx.label} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}. Try again later.`,
        { cause },
      );
    }
    return new HostError(
      'network',
      `Could not reach ${ctx.label} (${url.host}). Check your connection and the API base URL in Options.`,
      { cause },
    );
  }

  return {
    async send<T>(request: HttpRequest<T>): Promise<T> {
      const allowed = request.idempotent ? retries : 0;
      for (let n = 0; ; n++) {
        let failure: HostError;
        let waitHint: number | undefined;
        try {
          const reply = await attempt(request.url);
          waitHint = reply.retryAfterMs;
          return request.interpret(reply);
        } catch (error) {
          failure = error instanceof HostError ? error : new HostError('invalid_response', `${ctx.label} sent a reply VidRelay cannot read.`);
        }
        if (!failure.retryable || n >= allowed) throw failure;
        const backoff = backoffMs * 2 ** n + Math.random() * backoffMs;
        await sleep(Math.max(backoff, waitHint ?? 0));
      }
    },
  };
}
