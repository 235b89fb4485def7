import { looksLikeEmbed } from './embed-patterns';
import type { FoundVideo } from './types';
import { kindOf, toWebUrl } from './url';

// Players that load late keep the address in an attribute their script moves
// into src when the player scrolls into view; until then src is empty or a
// placeholder, and the page's real video is only here.
const lazyAttributes = [
  'data-src',
  'data-lazy-src',
  'data-video-src',
  'data-hls',
  'data-hls-src',
  'data-src-hls',
  'data-video',
  'data-mp4',
  'data-stream',
  'data-stream-url',
  'data-file',
];

const mediaSelector = lazyAttributes.map((name) => `video[${name}], source[${name}]`).join(', ');
const frameSelector = lazyAttributes.map((name) => `iframe[${name}]`).join(', ');

function lazyValues(el: Element): string[] {
  return lazyAttributes.map((name) => el.getAttribute(name)).filter((value): value is string => !!value?.trim());
}

/** Lazy sources of <video> and <source>: a direct file or manifest, the element's type as a hint. */
export function fromLazyMedia(doc: Document, base: string): FoundVideo[] {
  const found: FoundVideo[] = [];
  for (const el of Array.from(doc.querySelectorAll(mediaSelector))) {
    // A <source> inside <audio> is audio: offered only through a click on it (fromAudioElements).
    if (el.tagName.toLowerCase() === 'source' && el.parentElement?.tagName.toLowerCase() === 'audio') continue;
    const source: FoundVideo['source'] = el.tagName.toLowerCase() === 'video' ? 'video' : 'source';
    for (const raw of lazyValues(el)) {
      const url = toWebUrl(raw, base);
      if (url) found.push({ url, kind: kindOf(url, el.getAttribute('type'), 'file'), source });
    }
  }
  return found;
}

/** Lazy iframes count only when they are recognisably a video player, like loaded ones. */
export function fromLazyIframes(doc: Document, base: string): FoundVideo[] {
  const found: FoundVideo[] = [];
  for (const el of Array.from(doc.querySelectorAll(frameSelector))) {
    for (const raw of lazyValues(el)) {
      const url = toWebUrl(raw, base);
      if (url && looksLikeEmbed(url)) found.push({ url, kind: 'embed', source: 'iframe' });
    }
  }
  return found;
}
