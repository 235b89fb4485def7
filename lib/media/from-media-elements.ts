import type { FoundVideo } from './types';
import { kindOf, toWebUrl } from './url';

type MediaLike = Element & Partial<Pick<HTMLMediaElement, 'currentSrc' | 'paused' | 'ended' | 'currentTime' | 'readyState'>>;

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

function sameUrl(raw: string | null | undefined, wanted: string, base: string): boolean {
  if (!raw?.trim()) return false;
  try {
    return new URL(raw.trim(), base).href === wanted;
  } catch {
    return false;
  }
}

/** Whether `el` plays `srcUrl` (what a context-menu click on it reports). */
function plays(el: MediaLike, srcUrl: string, base: string): boolean {
  let wanted: string;
  try {
    wanted = new URL(srcUrl, base).href;
  } catch {
    return false;
  }
  const sources = [el.currentSrc, el.getAttribute('src'), ...Array.from(el.querySelectorAll('source')).map((s) => s.getAttribute('src'))];
  return sources.some((raw) => sameUrl(raw, wanted, base));
}

/**
 * Audio is not a video to send: a page's podcast player or background music
 * is offered only when the user right-clicked that very element.
 */
export function fromAudioElements(doc: Document, base: string, clickedSrc?: string): FoundVideo[] {
  if (!clickedSrc) return [];
  const clicked = Array.from(doc.querySelectorAll<MediaLike>('audio')).filter((el) => plays(el, clickedSrc, base));
  return rank(clicked).flatMap((el) => fromElement(el, base));
}
