import { looksLikeEmbed } from './embed-patterns';
import type { FoundVideo } from './types';
import { kindFromExtension, toWebUrl } from './url';

/** <a href> pointing straight at a video file or manifest; other links are ignored. */
export function fromLinks(doc: Document, base: string): FoundVideo[] {
  const found: FoundVideo[] = [];
  for (const anchor of Array.from(doc.querySelectorAll('a[href]'))) {
    const url = toWebUrl(anchor.getAttribute('href'), base);
    const kind = url && kindFromExtension(url);
    if (url && kind) found.push({ url, kind, source: 'link' });
  }
  return found;
}

/** Iframes are only kept when they are recognisably a video player. */
export function fromIframes(doc: Document, base: string): FoundVideo[] {
  const found: FoundVideo[] = [];
  for (const frame of Array.from(doc.querySelectorAll('iframe[src]'))) {
    const url = toWebUrl(frame.getAttribute('src'), base);
    if (url && looksLikeEmbed(url)) found.push({ url, kind: 'embed', source: 'iframe' });
  }
  return found;
}
