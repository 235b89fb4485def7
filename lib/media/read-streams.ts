import { estimateBytes, playlistLimits, readPlaylist, type StreamVariant } from './hls';
import type { FoundVideo, StreamInfo } from './types';

// The finder's playlists read into what the picker offers: a master playlist
// becomes one candidate per quality (each with its size estimate, or the
// reason it cannot be made into one file), a media playlist one candidate.
// Reading is bounded: a few playlists per click, a few variants per master
// (all variants of one master play the same video, so one duration serves
// them all), and whatever `fetchText` reads is capped and timed out by it.

/** The text at `url`, at most `maxChars` of it; undefined when it could not be read. */
export type FetchText = (url: string, maxChars: number) => Promise<string | undefined>;

export const streamReadLimits = {
  /** Manifests read per click: the finder's first ones are the likely ones. */
  manifests: 4,
  /** Media playlists read per master, for durations and per-variant refusals. */
  variantsRead: 2,
  playlistChars: playlistLimits.textBytes,
  /** Enough of an MPD to see its adaptation sets. */
  mpdChars: 256 * 1024,
  timeoutMs: 8000,
} as const;

interface VariantReading {
  duration?: number;
  refused?: StreamInfo['refused'];
}

async function readVariant(variant: StreamVariant, fetchText: FetchText): Promise<VariantReading> {
  const text = await fetchText(variant.url, streamReadLimits.playlistChars).catch(() => undefined);
  if (text === undefined) return {};
  const reading = readPlaylist(text, variant.url);
  if (reading.kind === 'media') return { duration: reading.duration };
  // A master pointing at a master is no quality of its own.
  return { refused: reading.kind === 'refused' ? reading.reason : 'not_playlist' };
}

function variantInfo(variant: StreamVariant, master: string, duration: number | undefined, refused: StreamInfo['refused']): StreamInfo {
  const bytes = duration === undefined ? undefined : estimateBytes(duration, variant.bandwidth);
  return {
    master,
    ...(variant.height ? { height: variant.height } : {}),
    ...(variant.width ? { width: variant.width } : {}),
    ...(variant.bandwidth ? { bandwidth: variant.bandwidth } : {}),
    ...(duration !== undefined ? { duration } : {}),
    ...(bytes !== undefined ? { bytes } : {}),
    ...(refused ? { refused } : {}),
  };
}

async function expandMaster(found: FoundVideo, variants: StreamVariant[], fetchText: FetchText): Promise<FoundVideo[]> {
  const toRead = variants.filter((v) => !v.refused).slice(0, streamReadLimits.variantsRead);
  const readings = new Map<string, VariantReading>();
  await Promise.all(toRead.map(async (v) => readings.set(v.url, await readVariant(v, fetchText))));
  const duration = [...readings.values()].find((r) => r.duration !== undefined)?.duration;
  const expanded = variants.map((v) => {
    const refused = v.refused ?? readings.get(v.url)?.refused;
    return { url: v.url, kind: 'hls' as const, source: found.source, stream: variantInfo(v, found.url, duration, refused) };
  });
  // Best first among what can be sent; what cannot is listed after, with its reason.
  return [...expanded.filter((c) => !c.stream.refused), ...expanded.filter((c) => c.stream.refused)];
}

async function readHls(found: FoundVideo, fetchText: FetchText): Promise<FoundVideo[]> {
  const text = await fetchText(found.url, streamReadLimits.playlistChars).catch(() => undefined);
  // Unread (the page would not hand it over): offered as found; the relay reads it again.
  if (text === undefined) return [found];
  const reading = readPlaylist(text, found.url);
  if (reading.kind === 'master') return expandMaster(found, reading.variants, fetchText);
  if (reading.kind === 'refused') return [{ ...found, stream: { refused: reading.reason } }];
  return [{ ...found, stream: { duration: reading.duration } }];
}

type MediaType = 'audio' | 'video' | undefined;

function attribute(tag: string, name: string): string | undefined {
  const at = tag.indexOf(`${name}=`);
  if (at < 0) return undefined;
  const quote = tag[at + name.length + 1];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = tag.indexOf(quote, at + name.length + 2);
  return end < 0 ? undefined : tag.slice(at + name.length + 2, end).toLowerCase();
}

function typeOf(value: string | undefined): MediaType {
  if (value?.startsWith('audio')) return 'audio';
  if (value?.startsWith('video')) return 'video';
  return undefined;
}

/**
 * Whether an MPD keeps audio and video in separate adaptation sets (which a
 * relay cannot join). A linear walk over its AdaptationSet elements with
 * indexOf: each set's type from its contentType or mimeType, else from the
 * first mimeType inside it.
 */
export function dashSeparate(text: string): boolean {
  const kinds = new Set<MediaType>();
  let from = 0;
  for (;;) {
    const open = text.indexOf('<AdaptationSet', from);
    if (open < 0) break;
    const tagEnd = text.indexOf('>', open);
    if (tagEnd < 0) break;
    const tag = text.slice(open, tagEnd);
    const close = text.indexOf('</AdaptationSet', tagEnd);
    const body = text.slice(tagEnd, close < 0 ? text.length : close);
    kinds.add(typeOf(attribute(tag, 'contentType')) ?? typeOf(attribute(tag, 'mimeType')) ?? typeOf(attribute(body, 'mimeType')));
    from = close < 0 ? tagEnd : close;
  }
  return kinds.has('audio') && kinds.has('video');
}

async function readDash(found: FoundVideo, fetchText: FetchText): Promise<FoundVideo> {
  const text = await fetchText(found.url, streamReadLimits.mpdChars).catch(() => undefined);
  return text !== undefined && dashSeparate(text) ? { ...found, stream: { refused: 'dash_separate' } } : found;
}

/** The candidates with their playlists read (HLS expanded, DASH checked), in the finder's order. */
export async function readStreams(candidates: readonly FoundVideo[], fetchText: FetchText): Promise<FoundVideo[]> {
  let budget: number = streamReadLimits.manifests;
  const out: FoundVideo[] = [];
  const seen = new Set<string>();
  const add = (items: FoundVideo[]) => {
    for (const item of items) {
      if (seen.has(item.url)) continue;
      seen.add(item.url);
      out.push(item);
    }
  };
  for (const found of candidates) {
    if (seen.has(found.url)) continue;
    if ((found.kind === 'hls' || found.kind === 'dash') && budget > 0) {
      budget--;
      add(found.kind === 'hls' ? await readHls(found, fetchText) : [await readDash(found, fetchText)]);
    } else {
      add([found]);
    }
  }
  return out;
}

/** A stream chosen for a URL given without a picker: the media playlist to relay, or why not. */
export type PickedStream = { ok: true; url: string; stream: StreamInfo } | { ok: false; refused?: StreamInfo['refused'] };

/**
 * For a playlist URL pasted or typed (no picker to choose in): a master's best
 * quality that is not refused, a media playlist itself. `refused` absent: the
 * playlist could not be read at all.
 */
export async function pickStream(url: string, fetchText: FetchText): Promise<PickedStream> {
  const read = await readStreams([{ url, kind: 'hls', source: 'link' }], fetchText);
  if (!read[0]?.stream) return { ok: false };
  const best = read.find((c) => !c.stream?.refused);
  if (!best?.stream) return { ok: false, refused: read[0].stream.refused };
  return { ok: true, url: best.url, stream: best.stream };
}
