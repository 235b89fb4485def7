import type { FoundVideo, StreamInfo } from '../../media/types';
import type { StreamRefusal } from '../../media/hls/types';
import { t } from '../../i18n';
import { tabTextFetcher } from '../../media/fetch-text';
import { pickStream, readStreams, type FetchText } from '../../media/read-streams';
import { AppError } from '../../errors';

// What "Send to host" does with a stream once its playlist was read: which
// candidates can be sent at all, the plain-words reason where not, and the
// title a relayed stream's job carries.

function refusalText(reason: StreamRefusal): string {
  return t(`streamRefused_${reason}`);
}

/** A candidate that must never become a job: the reason why, else undefined. */
export function refusalOf(found: FoundVideo | undefined): string | undefined {
  return found?.stream?.refused ? refusalText(found.stream.refused) : undefined;
}

// Names players give every playlist: the folder above says more.
const genericNames = new Set(['master', 'index', 'playlist', 'manifest', 'main', 'video', 'stream', 'prog_index', 'chunklist', 'media']);

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function lastSegment(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const names = parsed.pathname
    .split('/')
    .filter(Boolean)
    .map((part) =>
      safeDecode(part)
        .replace(/\.[a-z0-9]{1,5}$/i, '')
        .trim(),
    );
  return names.reverse().find((name) => name && !genericNames.has(name.toLowerCase())) ?? parsed.host;
}

/** "watch-42 (1080p)": the page's name (the playlist's, without a page), and the quality chosen. */
export function streamTitle(url: string, stream: StreamInfo | undefined, pageUrl?: string): string {
  const name = (lastSegment(pageUrl) ?? lastSegment(stream?.master ?? url) ?? 'stream').slice(0, 120);
  return stream?.height ? `${name} (${stream.height}p)` : name;
}

/** Whether a URL is an HLS stream: by what was found, else by its address. */
export function isStream(found: FoundVideo | undefined, url: string): boolean {
  if (found) return found.kind === 'hls';
  try {
    return new URL(url).pathname.toLowerCase().endsWith('.m3u8');
  } catch {
    return false;
  }
}

/** The menu's stream reader: the playlists read in the tab's frame, else from the extension. */
export const defaultReadStreams = (found: FoundVideo[], tabId: number, frameId?: number) => readStreams(found, tabTextFetcher(tabId, frameId));

function unreadPlaylist(url: string): string {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // shown as given
  }
  return `VidRelay could not read this playlist from ${host}. Open the page that plays it and use "Send to host" there, or allow VidRelay access to ${host} and try again.`;
}

export interface RelayStream {
  /** The media playlist to join. */
  url: string;
  /** "show (1080p)": the quality taken from a master is named. */
  title: string;
  bytes?: number;
  /** The quality taken, where the playlist says it. */
  height?: number;
}

/**
 * A playlist URL given without a picker (pasted, typed in the relay form):
 * read from the extension, a master's best quality taken. Throws the plain
 * reason for a stream that cannot be made into one file, or cannot be read.
 */
export async function streamToRelay(url: string, fetchText: FetchText): Promise<RelayStream> {
  const picked = await pickStream(url, fetchText);
  if (!picked.ok) {
    throw picked.refused ? new AppError('unsupported', refusalText(picked.refused)) : new AppError('network', unreadPlaylist(url));
  }
  const { bytes, height } = picked.stream;
  return { url: picked.url, title: streamTitle(picked.url, picked.stream), ...(bytes ? { bytes } : {}), ...(height ? { height } : {}) };
}
