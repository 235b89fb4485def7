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
] as const;
export type VideoSource = (typeof videoSources)[number];

export interface FoundVideo {
  url: string;
  kind: VideoKind;
  source: VideoSource;
}
