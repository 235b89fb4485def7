/** How a found URL can be used: a plain file, a streaming manifest, or a player page. */
export const videoKinds = ['file', 'hls', 'dash', 'embed'] as const;
export type VideoKind = (typeof videoKinds)[number];

/** Where on the page a URL was found; the UI shows it so the user can judge. */
export const videoSources = ['video', 'source', 'og:video', 'twitter:player:stream', 'twitter:player', 'json-ld', 'link', 'iframe', 'resource'] as const;
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
