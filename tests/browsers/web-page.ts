import type { Background, Notice } from '../e2e/shared/flows/scope';

// What both launchers do on a web page for a menu click or a shortcut.

/**
 * Puts a <video> at the top of the page (in the page: it must not close over anything):
 * `src` is its address, or 'blob' for a blob: one. Returns its address and the
 * middle of its box, where a right-click lands on it.
 */
export function addVideo(src: string): { srcUrl: string; x: number; y: number } {
  const video = document.createElement('video');
  video.src = src === 'blob' ? URL.createObjectURL(new Blob([new Uint8Array(64)], { type: 'video/mp4' })) : src;
  video.style.cssText = 'display:block;width:320px;height:180px;background:#000';
  document.body.prepend(video);
  const box = video.getBoundingClientRect();
  return { srcUrl: video.src, x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Runs `act` and resolves with the first notification the background shows after it. */
export async function nextNotice(notices: Background['notices'], act: () => Promise<void>, timeoutMs = 15_000): Promise<Notice> {
  // By id, not by count: Firefox may unload the event page (and its list) in between.
  const seen = new Set((await notices()).map((n) => n.id));
  await act();
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const fresh = (await notices()).find((n) => !seen.has(n.id));
    if (fresh) return fresh;
  }
  throw new Error(`no notification within ${timeoutMs} ms`);
}

/** The page's <video> address once its player set one (the HLS player pages of tests/host-sim/hls.ts: a blob: address). */
export async function blobVideoSrc(page: { evaluate(fn: () => string): Promise<unknown> }, timeoutMs = 10_000): Promise<string> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const src = await page.evaluate(() => (document.body.dataset.ready === '1' ? (document.querySelector('video')?.src ?? '') : ''));
    if (typeof src === 'string' && src) return src;
  }
  throw new Error(`the page's player set no video address within ${timeoutMs} ms`);
}
