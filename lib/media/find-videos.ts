import { baseUrlOf } from './base-url';
import { fromIframes, fromLinks } from './from-links';
import { fromJsonLd } from './from-json-ld';
import { fromAudioElements, fromVideoElements } from './from-media-elements';
import { fromMetaTags } from './from-meta';
import { fromLazyIframes, fromLazyMedia } from './from-lazy';
import { fromResources } from './from-resources';
import { fromScripts } from './from-scripts';
import { findLimits, type FindVideosOptions, type FoundVideo } from './types';
import { isAudioUrl } from './url';

/** A media fragment (#t=10) is not part of the file, so it must not make a duplicate. */
function withoutFragment(found: FoundVideo): FoundVideo {
  if (found.kind === 'embed') return found;
  const url = new URL(found.url);
  url.hash = '';
  return { ...found, url: url.href };
}

/**
 * Keep the first sighting of each URL, and put player pages after everything
 * that is a real file or manifest, since only those can be sent to a host as is.
 * Input order is otherwise preserved: it already encodes how likely each is.
 */
export function rankAndDedupe(candidates: readonly FoundVideo[], limit: number = findLimits.perFrame): FoundVideo[] {
  const seen = new Set<string>();
  const unique: FoundVideo[] = [];
  for (const candidate of candidates.map(withoutFragment)) {
    if (seen.has(candidate.url)) continue;
    seen.add(candidate.url);
    unique.push(candidate);
  }
  return [...unique.filter((item) => item.kind !== 'embed'), ...unique.filter((item) => item.kind === 'embed')].slice(0, limit);
}

/**
 * Every video URL a page reveals, most likely first. Pure over the DOM so the
 * same code runs in the page (entrypoints/finder.ts) and on saved HTML in tests.
 * Audio elements and audio files count only when `options.clickedAudio` names the one clicked.
 */
export function findVideos(doc: Document, pageUrl: string, resources: readonly string[] = [], options: FindVideosOptions = {}): FoundVideo[] {
  const base = baseUrlOf(doc, pageUrl);
  const found = [
    ...fromVideoElements(doc, base),
    ...fromLazyMedia(doc, base),
    ...fromMetaTags(doc, base),
    ...fromJsonLd(doc, base),
    ...fromScripts(doc, base),
    ...fromLinks(doc, base),
    ...fromAudioElements(doc, base, options.clickedAudio),
    ...fromResources(resources, pageUrl),
    ...fromIframes(doc, base),
    ...fromLazyIframes(doc, base),
  ];
  // A podcast's twitter:player:stream or a page's .mp3 is no video: audio files only for a click on audio.
  return rankAndDedupe(options.clickedAudio ? found : found.filter((item) => !isAudioUrl(item.url)));
}
