// What VidRelay knows about an HLS playlist once read: the shapes the finder,
// the picker and the stream relay share. Plain data (no parser objects), so it
// can cross messaging and be stored with a job.

export interface ByteRange {
  offset: number;
  length: number;
}

/** A plain AES-128 key (the only encryption a relay can undo). */
export interface SegmentKey {
  url: string;
  /** 32 hex digits; absent: the segment's media sequence number is the IV (RFC 8216 §5.2). */
  ivHex?: string;
}

export interface StreamSegment {
  url: string;
  /** Seconds. */
  duration: number;
  /** The media sequence number (the IV where the key names none). */
  sequence: number;
  range?: ByteRange;
  key?: SegmentKey;
}

/** A media playlist a relay can make into one file. */
export interface StreamPlan {
  kind: 'media';
  /** 'ts': MPEG-TS segments joined; 'fmp4': the init segment, then the fragments. */
  container: 'ts' | 'fmp4';
  /** fMP4's init segment (EXT-X-MAP). */
  init?: { url: string; range?: ByteRange };
  segments: StreamSegment[];
  /** Seconds, the segments' durations added up. */
  duration: number;
}

/** One quality of a master playlist. */
export interface StreamVariant {
  /** The variant's media playlist. */
  url: string;
  /** Bits per second (AVERAGE-BANDWIDTH where given, else BANDWIDTH). */
  bandwidth: number;
  width?: number;
  height?: number;
  codecs?: string;
  /** Why this variant cannot be relayed (audio in a separate rendition, say), or undefined. */
  refused?: StreamRefusal;
}

interface StreamMaster {
  kind: 'master';
  /** Best first: height, then bandwidth. */
  variants: StreamVariant[];
}

/** Why a stream cannot be made into one file; each has a plain-words message (streamRefusalText). */
export const streamRefusals = [
  'drm',
  'key_format',
  'separate_audio',
  'live',
  'no_segments',
  'not_playlist',
  'too_large',
  'mixed_init',
  'dash_separate',
] as const;
export type StreamRefusal = (typeof streamRefusals)[number];

interface StreamRefused {
  kind: 'refused';
  reason: StreamRefusal;
}

export type PlaylistReading = StreamMaster | StreamPlan | StreamRefused;
