import type { Page } from 'playwright-core';
import type { ExtensionSession } from './chromium';
import type { Background } from '../e2e/shared/flows/scope';

/** Chrome's service worker as the shared scenarios (tests/e2e/shared/flows) reach it; asked afresh each call, since Chrome may have replaced it. */
export function chromiumBackground(session: ExtensionSession): Background {
  return {
    scope: { evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => (await session.worker()).evaluate(fn as never, arg) as Promise<R> },
    menuClick: async (info) =>
      (await session.worker()).evaluate((i) => (globalThis as unknown as { vidrelay: { menuClick(i: unknown): Promise<unknown[]> } }).vidrelay.menuClick(i), info),
  };
}

/** Wait until `ok()` holds, asking every 50 ms (e2e tests and benches alike: no test runner needed). */
async function until(ok: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (const started = Date.now(); !ok(); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} within ${timeoutMs} ms`);
  }
}

/**
 * Stop the extension's service worker through CDP, as Chrome does when it is idle,
 * from `page` (one that is not the extension's own). Resolves once Chrome reports it stopped.
 */
export async function stopServiceWorker(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  const versions: { versionId: string; runningStatus: string; scriptURL: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: typeof versions }) => versions.push(...e.versions));
  await cdp.send('ServiceWorker.enable');
  const running = () => versions.find((v) => v.runningStatus === 'running' && v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`));
  await until(() => !!running(), 'no running service worker of the extension');
  const { versionId } = running()!;
  await cdp.send('ServiceWorker.stopWorker', { versionId });
  await until(() => versions.some((v) => v.versionId === versionId && v.runningStatus === 'stopped'), 'the service worker did not stop');
  await cdp.detach();
}
