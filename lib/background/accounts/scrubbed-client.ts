import type { HostClient } from '../../hosts/types';
import { scrubberFor } from '../../scrub';

// An account's client as the rest of the background sees it: every answer and
// every error of the host is scrubbed of the account's key and login (see
// lib/scrub.ts) before any caller (the queue, a handler, the router) gets it.

/** Results that must keep the key: the upload target is the form the uploader posts with it. */
const keyBearing = new Set<PropertyKey>(['uploadTarget']);

export function scrubbedClient(client: HostClient, secrets: readonly (string | undefined)[]): HostClient {
  const scrub = scrubberFor(secrets);
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const keep = keyBearing.has(property);
      return (...args: unknown[]) => {
        let out: unknown;
        try {
          out = (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw scrub.error(error);
        }
        if (out instanceof Promise) {
          return out.then(
            (result) => (keep ? result : scrub.deep(result)),
            (error) => {
              throw scrub.error(error);
            },
          );
        }
        return keep ? out : scrub.deep(out);
      };
    },
  });
}
