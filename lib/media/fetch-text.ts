import { browser } from 'wxt/browser';
import type { FetchText } from './read-streams';
import { streamReadLimits } from './read-streams';

// Where playlists are read: first in the page, the way its player fetched
// them (the page's origin for CORS, its cookies for same-site CDNs, no host
// permission needed); then from the extension, which reaches only the sites
// it holds access to (127.0.0.1 and localhost from install, others once the
// user allowed them). CDNs that serve a player's playlist answer the page's
// origin, rarely an extension's, so the page comes first.

/** Runs in the page (serialised by executeScript): everything it uses is inside it. */
async function readInPage(url: string, maxChars: number, timeoutMs: number): Promise<string | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin', cache: 'force-cache' });
    if (!response.ok || !response.body) return null;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (text.length <= maxChars) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += value;
    }
    // Longer than any playlist read here: what was read is a cut one, and the reader reports it as too large.
    await reader.cancel();
    return text;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function fromTab(tabId: number, frameId: number): FetchText {
  return async (url, maxChars) => {
    try {
      const [first] = await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        func: readInPage,
        args: [url, maxChars, streamReadLimits.timeoutMs],
      });
      return typeof first?.result === 'string' ? first.result.slice(0, maxChars + 1) : undefined;
    } catch {
      return undefined;
    }
  };
}

/** Read from the extension itself (the background). */
export function extensionTextFetcher(timeoutMs: number = streamReadLimits.timeoutMs): FetchText {
  return async (url, maxChars) => (await readInPage(url, maxChars, timeoutMs)) ?? undefined;
}

/** Read in the tab's frame, else from the extension. */
export function tabTextFetcher(tabId: number, frameId = 0): FetchText {
  const inPage = fromTab(tabId, frameId);
  const fromExtension = extensionTextFetcher();
  return async (url, maxChars) => (await inPage(url, maxChars)) ?? (await fromExtension(url, maxChars));
}
