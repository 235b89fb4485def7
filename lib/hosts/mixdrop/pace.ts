// Mixdrop takes "Maximum 10 requests per second". Requests to one API
// origin therefore start at most ten in any second; the rest wait their
// turn, so a long file-info batch or several accounts polling at once stay
// under the limit instead of being refused.
import type { Http } from '../http';

export const requestsPerSecond = 10;

const started = new Map<string, number[]>();

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until a request to `origin` may start, and counts it. */
export async function paceFor(origin: string, now: () => number = Date.now, sleep = realSleep): Promise<void> {
  for (;;) {
    const at = now();
    const recent = (started.get(origin) ?? []).filter((t) => at - t < 1000);
    if (recent.length < requestsPerSecond) {
      recent.push(at);
      started.set(origin, recent);
      return;
    }
    started.set(origin, recent);
    await sleep(1000 - (at - recent[0]!));
  }
}

/** The same Http, each request paced for its origin. */
export function paced(http: Http): Http {
  return {
    async send(request) {
      await paceFor(request.url.origin);
      return http.send(request);
    },
  };
}
