import type { ExtensionSession } from './browser';
import type { Background } from './flows/scope';

/** Chrome's service worker as the shared scenarios (tests/e2e/flows) reach it; asked afresh each call, since Chrome may have replaced it. */
export function chromiumBackground(session: ExtensionSession): Background {
  return {
    scope: { evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => (await session.worker()).evaluate(fn as never, arg) as Promise<R> },
    menuClick: async (info) =>
      (await session.worker()).evaluate((i) => (globalThis as unknown as { vidrelay: { menuClick(i: unknown): Promise<unknown[]> } }).vidrelay.menuClick(i), info),
  };
}
