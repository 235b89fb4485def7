/**
 * A playlist comes from a page that may be hostile: what is read is bounded.
 * 4 MB holds a VOD playlist of tens of thousands of segments; 50,000 segments
 * at 2 s each is over a day of video.
 */
export const playlistLimits = { textBytes: 4 * 1024 * 1024, segments: 50_000, variants: 64 } as const;
