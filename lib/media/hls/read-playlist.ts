import { parse, setOptions } from 'hls-parser';
import type { Key, MasterPlaylist, MediaPlaylist, Variant } from 'hls-parser/types';
import { playlistLimits } from './limits';
import type { ByteRange, PlaylistReading, SegmentKey, StreamPlan, StreamRefusal, StreamSegment, StreamVariant } from './types';

// A page's playlist read into what the picker offers and a relay fetches.
// hls-parser does the reading; this file decides what VidRelay can make into
// one file, and says why not where it cannot (before anything is downloaded).

// Lenient and quiet: a page's odd playlist must not throw or write its text to the console.
setOptions({ strictMode: false, silent: true });

/** An absolute http(s) address for a playlist's reference, or undefined. */
function absolute(uri: string | undefined, base: string): string | undefined {
  if (!uri) return undefined;
  try {
    const url = new URL(uri, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function hexOf(buffer: ArrayBuffer | undefined): string | undefined {
  if (!buffer) return undefined;
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Undefined for a key a relay can use (none, or plain AES-128), else the refusal. */
function keyRefusal(key: Key | undefined): StreamRefusal | undefined {
  if (!key || key.method === 'NONE') return undefined;
  if (key.method !== 'AES-128') return 'drm';
  if (key.format && key.format !== 'identity') return 'key_format';
  return undefined;
}

function segmentKey(key: Key | undefined, base: string): SegmentKey | undefined {
  if (key?.method !== 'AES-128') return undefined;
  const url = absolute(key.uri, base);
  if (!url) return undefined;
  const ivHex = hexOf(key.iv);
  return ivHex ? { url, ivHex } : { url };
}

function rangeOf(range: { offset?: number; length?: number } | undefined): ByteRange | undefined {
  if (!range || typeof range.length !== 'number') return undefined;
  return { offset: range.offset ?? 0, length: range.length };
}

function readMedia(playlist: MediaPlaylist, base: string): PlaylistReading {
  if (!playlist.endlist && playlist.playlistType !== 'VOD') return { kind: 'refused', reason: 'live' };
  if (playlist.segments.length === 0) return { kind: 'refused', reason: 'no_segments' };
  if (playlist.segments.length > playlistLimits.segments) return { kind: 'refused', reason: 'too_large' };
  const segments: StreamSegment[] = [];
  const inits = new Set<string>();
  let init: StreamPlan['init'];
  let duration = 0;
  for (const segment of playlist.segments) {
    const refusal = keyRefusal(segment.key);
    if (refusal) return { kind: 'refused', reason: refusal };
    const url = absolute(segment.uri, base);
    if (!url) return { kind: 'refused', reason: 'not_playlist' };
    if (segment.map) {
      const mapUrl = absolute(segment.map.uri, base);
      if (!mapUrl) return { kind: 'refused', reason: 'not_playlist' };
      const range = rangeOf(segment.map.byterange);
      inits.add(`${mapUrl} ${range ? `${range.offset}-${range.length}` : ''}`);
      init ??= range ? { url: mapUrl, range } : { url: mapUrl };
    }
    const key = segmentKey(segment.key, base);
    const range = rangeOf(segment.byterange);
    const seconds = Number.isFinite(segment.duration) && segment.duration > 0 ? segment.duration : 0;
    duration += seconds;
    segments.push({ url, duration: seconds, sequence: segment.mediaSequenceNumber, ...(range ? { range } : {}), ...(key ? { key } : {}) });
  }
  // Fragments under different init segments do not make one playable file.
  if (inits.size > 1) return { kind: 'refused', reason: 'mixed_init' };
  return { kind: 'media', container: init ? 'fmp4' : 'ts', ...(init ? { init } : {}), segments, duration };
}

/** Audio the player fetches beside this variant's video (an AUDIO group with its own playlists). */
function hasSeparateAudio(variant: Variant): boolean {
  return variant.audio.some((rendition) => Boolean(rendition.uri));
}

/** A variant that carries no video (its codecs list audio only). */
function audioOnly(variant: Variant): boolean {
  if (!variant.codecs) return false;
  const codecs = variant.codecs.split(',').map((codec) => codec.trim().toLowerCase());
  return codecs.every((codec) => codec.startsWith('mp4a') || codec.startsWith('ac-3') || codec.startsWith('ec-3') || codec.startsWith('opus'));
}

function readMaster(playlist: MasterPlaylist, base: string): PlaylistReading {
  const sessionDrm = playlist.sessionKeyList.map(keyRefusal).find(Boolean);
  const variants: StreamVariant[] = [];
  for (const variant of playlist.variants.slice(0, playlistLimits.variants)) {
    const url = absolute(variant.uri, base);
    if (!url || audioOnly(variant)) continue;
    const refused = sessionDrm ?? (hasSeparateAudio(variant) ? 'separate_audio' : undefined);
    variants.push({
      url,
      bandwidth: variant.averageBandwidth ?? variant.bandwidth ?? 0,
      ...(variant.resolution ? { width: variant.resolution.width, height: variant.resolution.height } : {}),
      ...(variant.codecs ? { codecs: variant.codecs } : {}),
      ...(refused ? { refused } : {}),
    });
  }
  if (variants.length === 0) return { kind: 'refused', reason: sessionDrm ?? 'no_segments' };
  variants.sort((a, b) => (b.height ?? 0) - (a.height ?? 0) || b.bandwidth - a.bandwidth);
  return { kind: 'master', variants };
}

/**
 * Read a playlist's text (fetched from `url`, which its references are
 * relative to). Never throws: text that is not a playlist is refused as such.
 */
export function readPlaylist(text: string, url: string): PlaylistReading {
  if (typeof text !== 'string' || text.length > playlistLimits.textBytes || !text.trimStart().startsWith('#EXTM3U')) {
    return { kind: 'refused', reason: text.length > playlistLimits.textBytes ? 'too_large' : 'not_playlist' };
  }
  let playlist: MasterPlaylist | MediaPlaylist;
  try {
    playlist = parse(text);
  } catch {
    return { kind: 'refused', reason: 'not_playlist' };
  }
  return playlist.isMasterPlaylist ? readMaster(playlist, url) : readMedia(playlist, url);
}

/** Bytes a media playlist comes to at `bandwidth` bits per second (the picker's "about 850 MB"). */
export function estimateBytes(duration: number, bandwidth: number): number | undefined {
  if (!(duration > 0) || !(bandwidth > 0)) return undefined;
  return Math.round((duration * bandwidth) / 8);
}

/** The 16-byte IV of an AES-128 segment: the key's own, or its sequence number big-endian. */
export function segmentIv(segment: StreamSegment): Uint8Array {
  const iv = new Uint8Array(16);
  const hex = segment.key?.ivHex;
  if (hex && hex.length === 32) {
    for (let i = 0; i < 16; i++) iv[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return iv;
  }
  let sequence = segment.sequence;
  for (let i = 15; i >= 8 && sequence > 0; i--) {
    iv[i] = sequence % 256;
    sequence = Math.floor(sequence / 256);
  }
  return iv;
}
