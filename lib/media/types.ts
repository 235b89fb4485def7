import type { StreamRefusal } from './hls/types';

/** How a found URL can be used: a plain file, a streaming manifest, or a player page. */
export const videoKinds = ['file', 'hls', 'dash', 'embed'] as const;
export type VideoKind = (typeof videoKinds)[number];

/** Where on the page a URL was found; the UI shows it so the user can judge. */
export const videoSources = [
  'video',
  'source',
  'og:video',
  'twitter:player:stream',
  'twitter:player',
  'json-ld',
  'link',
  'iframe',
  'resource',
  'script',
] as const;
export type VideoSource = (typeof videoSources)[number];

/**
 * A page may list any number of links (one of 50,000 was seen): what one frame
 * reports, and what a whole tab gives the picker, is bounded, most likely first.
 * A URL longer than any real video address is not one.
 */
export const findLimits = { perFrame: 200, perTab: 300, urlLength: 4096, selectionChars: 64 * 1024 } as const;

export interface FoundVideo {
  url: string;
  kind: VideoKind;
  source: VideoSource;
  /** What reading the stream's playlist told (lib/media/read-streams.ts); never from the page itself. */
  stream?: StreamInfo;
}

/** One stream as the picker offers it: a quality of a master playlist, or a media playlist. */
export interface StreamInfo {
  /** The master playlist this variant was read from. */
  master?: string;
  height?: number;
  width?: number;
  /** Bits per second. */
  bandwidth?: number;
  /** Seconds, where the media playlist was read. */
  duration?: number;
  /** The estimate the picker shows ("about 850 MB"): duration × bandwidth. */
  bytes?: number;
  /** Why it cannot be made into one file; such a candidate is shown, never sent. */
  refused?: StreamRefusal;
}

/** What the user clicked, when the finder runs for a context-menu click. */
export interface FindVideosOptions {
  /** The srcUrl of the audio element the user right-clicked (menu mediaType 'audio'); audio is offered only then. */
  clickedAudio?: string;
}

/** Where the injected finder reads its options (a file injection takes no arguments). */
export const finderOptionsKey = '__vidrelayFindOptions';

/** The options as the injected finder finds them: anything but a string URL is ignored. */
export function readFinderOptions(value: unknown): FindVideosOptions {
  const clicked = (value as { clickedAudio?: unknown } | undefined)?.clickedAudio;
  return typeof clicked === 'string' ? { clickedAudio: clicked } : {};
}
