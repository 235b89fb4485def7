import type { Page, Worker } from 'playwright-core';
import type { ExtensionSession } from './chromium';
import type { Background, Notice } from '../e2e/shared/flows/scope';
import type { TestHooks } from '../../lib/background/root/test-hooks';
import { addVideo, blobVideoSrc, nextNotice } from './web-page';
import { PickerPage } from '../e2e/shared/pages/PickerPage';

/** The notifications the service worker has shown, oldest first (the test build's hook, lib/background/root/test-hooks.ts). */
export async function notices(worker: Worker): Promise<Notice[]> {
  return worker.evaluate(() => (globalThis as unknown as { vidrelay: TestHooks }).vidrelay.notices());
}

/** The id of the tab showing `url`. */
async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (wanted) => (await chrome.tabs.query({})).find((t: { id?: number; url?: string }) => t.url === wanted)?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens `url` (a page the host simulator serves) in a new tab: the page and its tab's id. */
export async function openWebPage(session: ExtensionSession, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(url);
  return { page, tabId: await tabIdOf(await session.worker(), url) };
}

/**
 * A right-click on the page (or on its <video>) and an item of "Send to host", fired as
 * contextMenus.onClicked with what Chrome passes for that click (Chromium opens no
 * context menu under automation).
 */
export async function menuClick(session: ExtensionSession, page: Page, info: Record<string, unknown>): Promise<void> {
  const worker = await session.worker();
  const tabId = await tabIdOf(worker, page.url());
  const click = { parentMenuItemId: 'send-to-host', editable: false, frameId: 0, pageUrl: page.url(), ...info };
  await worker.evaluate(({ click, tabId }) => (globalThis as unknown as { vidrelay: TestHooks }).vidrelay.menuClick(click, tabId), { click, tabId });
}

/** Chrome's service worker as the shared scenarios (tests/e2e/shared/flows) reach it; asked afresh each call, since Chrome may have replaced it. */
export function chromiumBackground(session: ExtensionSession): Background {
  const background: Background = {
    scope: { evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => (await session.worker()).evaluate(fn as never, arg) as Promise<R> },
    notices: async () => notices(await session.worker()),
    async sendFromMenu({ url, video, menuItemId }) {
      const page = await session.context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load' });
        const media = video === undefined ? {} : { mediaType: 'video', srcUrl: (await page.evaluate(addVideo, video)).srcUrl };
        return await nextNotice(background.notices, () => menuClick(session, page, { menuItemId, ...media }));
      } finally {
        await page.close();
      }
    },
    async sendStream({ page: url, menuItemId, variant }) {
      const page = await session.context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load' });
        const videoSrc = await blobVideoSrc(page);
        const click = () => menuClick(session, page, { menuItemId, mediaType: 'video', srcUrl: videoSrc });
        if (!variant) return { videoSrc, notice: await nextNotice(background.notices, click) };
        const opened = PickerPage.next(session);
        await click();
        const picker = await opened;
        await picker.chooseVariant(variant);
        await picker.sendTo();
        // The picker closes itself a moment after it says what was sent.
        return { videoSrc, picked: (await picker.status().textContent()) ?? '' };
      } finally {
        await page.close();
      }
    },
    async pressShortcut(command, url) {
      const page = await session.context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load' });
        await page.bringToFront();
        const worker = await session.worker();
        // What a key press would do: Chrome sends no shortcut typed into a page by automation to an extension.
        return await nextNotice(background.notices, () =>
          worker.evaluate((name) => (globalThis as unknown as { vidrelay: TestHooks }).vidrelay.command(name), command),
        );
      } finally {
        await page.close();
      }
    },
  };
  return background;
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
