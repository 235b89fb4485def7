import type { FoundVideo } from './types';
import { kindOf, toWebUrl } from './url';

type MediaLike = Element &
  Partial<Pick<HTMLMediaElement, 'currentSrc' | 'paused' | 'ended' | 'currentTime' | 'readyState'>>;

function isPlaying(el: MediaLike): boolean {
  return el.paused === false && el.ended !== true && (el.currentTime ?? 0) > 0;
}

/** On-screen area; saved HTML has no layout, so the width/height attributes stand in. */
function areaOf(el: MediaLike): number {
  const rect = el.getBoundingClientRect?.();
  const laidOut = rect ? rect.width * rect.height : 0;
  if (laidOut > 0) return laidOut;
  const width = Number(el.getAttribute('width')) || 0;
  const height = Number(el.getAttribute('height')) || 0;
  return width * height;
}

/** The one the user is watching comes first: playing, then largest, then page order. */
function rank(elements: MediaLike[]): MediaLike[] {
  return elements
    .map((el, index) => ({ el, index, playing: isPlaying(el), area: areaOf(el) }))
    .sort((a, b) => Number(b.playing) - Number(a.playing) || b.area - a.area || a.index - b.index)
    .map((entry) => entry.el);
}

function fromElement(el: MediaLike, base: string): FoundVideo[] {
  const found: FoundVideo[] = [];
  const add = (raw: string | null | undefined, source: FoundVideo['source'], mime?: string | null) => {
    const url = toWebUrl(raw, base);
    if (url) found.push({ url, kind: kindOf(url, mime, 'file'), source });
  };
  // currentSrc names the <source> the browser actually chose, but only once it has loaded something.
  if ((el.readyState ?? 0) > 0) add(el.currentSrc, 'video');
  add(el.getAttribute('src'), 'video', el.getAttribute('type'));
  for (const child of Array.from(el.querySelectorAll('source'))) {
    add(child.getAttribute('src'), 'source', child.getAttribute('type'));
  }
  return found;
}

export function fromVideoElements(doc: Document, base: string): FoundVideo[] {
  return rank(Array.from(doc.querySelectorAll<MediaLike>('video'))).flatMap((el) => fromElement(el, base));
}

export function fromAudioElements(doc: Document, base: string): FoundVideo[] {
  return rank(Array.from(doc.querySelectorAll<MediaLike>('audio'))).flatMap((el) => fromElement(el, base));
}
