import { expect } from 'vitest';
import { css, type Ui } from '../driver/driver';

// The UI language in e2e, the same in both suites: chosen on the Options
// page's Language field (as a user would), and what a page in it must hold:
// <html lang dir> from the language, and no control cut off or pushed out of
// its box or the window by longer words (the pseudo-locale is ~40% longer).

/** Picks `code` in Options → Language and waits until the page has reloaded in it (`tag` on <html lang>). */
export async function chooseLanguageInOptions(options: Ui, code: string, tag: string): Promise<void> {
  // By its id: the label is in the language the page shows.
  await options.find(css('select#language')).select({ value: code });
  await expect.poll(() => options.evaluate(() => document.documentElement.lang, undefined).catch(() => ''), { timeout: 15_000 }).toBe(tag);
}

/** The page's <html lang> and dir, and the direction the layout runs in. */
export function documentLanguage(ui: Ui): Promise<{ lang: string; dir: string; direction: string }> {
  return ui.evaluate(
    () => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, direction: getComputedStyle(document.body).direction }),
    undefined,
  );
}

/**
 * Controls and labels the page cut off: text wider than its box (not where
 * the page means to cut it, with an ellipsis), a box running past a container
 * that clips, or past the window; and a page wider than the window.
 * Each problem is "<tag> "<text>": what".
 */
export function layoutProblems(ui: Ui): Promise<string[]> {
  return ui.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) problems.push(`page: ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    const selector = 'button, input, select, textarea, label, a, h1, h2, h3, legend, [role="tab"], .badge, summary';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.closest('[hidden], .sr-only')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      const name = `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).value || '').trim().slice(0, 40)}"`;
      // A text field scrolls its own value; everything else must show its whole text.
      const field = el.matches('input, textarea, select');
      if (!field && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') {
        problems.push(`${name}: text ${el.scrollWidth}px in a ${el.clientWidth}px box`);
      }
      if (!field && el.matches('button, [role="tab"], .badge') && el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== 'ellipsis') {
        problems.push(`${name}: text runs out of the control (${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
      if (box.left < -1 || box.right > width + 1) problems.push(`${name}: outside the window (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const clip = getComputedStyle(up).overflowX;
        if (clip !== 'hidden' && clip !== 'clip') continue;
        const outer = up.getBoundingClientRect();
        if (box.left < outer.left - 1 || box.right > outer.right + 1)
          problems.push(`${name}: cut off by its container ${up.tagName.toLowerCase()}.${up.className}`);
        break;
      }
    }
    return [...new Set(problems)];
  }, undefined);
}
