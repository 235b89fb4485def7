import { findLimits } from './types';
export interface ContextClickInfo {
  /** 'image', 'video' or 'audio' when a media element was clicked. */
  mediaType?: string;
  srcUrl?: string;
  linkUrl?: string;
  pageUrl?: string;
  selectionText?: string;
}

// Stops at whitespace, quotes, brackets: what ends a URL in prose, HTML or BBCode.
// The lookbehind keeps the inner part of blob:https://... (only valid in that tab) out.
const urlInText = /(?<!(?:blob|view-source):)https?:\/\/[^\s"'<>`[\]]+/gi;
const trailingPunctuation = '.,;:!?}';

/** Prose ends sentences after URLs and wraps them in parentheses; a ")" stays only when it is balanced. */
function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const last = url.at(-1) ?? '';
    const unbalanced = last === ')' && url.split('(').length < url.split(')').length;
    if (!last || (!trailingPunctuation.includes(last) && !unbalanced)) return url;
    url = url.slice(0, -1);
  }
}

export function urlsInText(text: string): string[] {
  // A selection can be a whole page: only its start is read, and only as many URLs as the picker would list.
  const urls = new Set<string>();
  for (const match of text.slice(0, findLimits.selectionChars).matchAll(urlInText)) {
    if (match[0].length > findLimits.urlLength) continue;
    const url = trimUrl(match[0]);
    try {
      new URL(url);
    } catch {
      continue;
    }
    urls.add(url);
    if (urls.size >= findLimits.perTab) break;
  }
  return [...urls];
}

/**
 * The URL(s) a context-menu click points at. A selection holding URLs means
 * the user picked them on purpose, so it wins; then the clicked media, the
 * clicked link, and finally the page itself.
 */
export function pickSource(info: ContextClickInfo): string[] {
  const selected = info.selectionText ? urlsInText(info.selectionText) : [];
  if (selected.length > 0) return selected;
  for (const candidate of [info.srcUrl, info.linkUrl, info.pageUrl]) {
    const url = candidate?.trim();
    if (url) return [url];
  }
  return [];
}

/** The finder options a click implies: the clicked audio element, and only then audio at all. */
export function findOptionsFor(info: ContextClickInfo): { clickedAudio?: string } {
  return info.mediaType === 'audio' && info.srcUrl ? { clickedAudio: info.srcUrl } : {};
}
