import { findLimits, type VideoKind } from './types';

const fileExtensions = ['mp4', 'webm', 'mkv', 'mov', 'm4v', 'avi', 'flv', 'ogv', '3gp', 'wmv'];

/** Resolve `raw` against `base`; only http(s) survives, so blob:, data:, javascript: and file: never leak out. */
export function toWebUrl(raw: string | null | undefined, base: string): string | undefined {
  const text = raw?.trim();
  if (!text || text.length > findLimits.urlLength) return undefined;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.length > findLimits.urlLength ? undefined : url.href;
}

/** The lower-cased extension of the URL's path, ignoring query and fragment. */
export function extensionOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return '';
  return path.slice(dot + 1).toLowerCase();
}

const audioExtensions = new Set(['mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'wav', 'flac']);

/** Whether the URL's path names an audio file (offered only when the user right-clicked audio). */
export function isAudioUrl(url: string): boolean {
  return audioExtensions.has(extensionOf(url));
}

/** The kind a URL's extension proves, or undefined when the path says nothing. */
export function kindFromExtension(url: string): VideoKind | undefined {
  const ext = extensionOf(url);
  if (ext === 'm3u8') return 'hls';
  if (ext === 'mpd') return 'dash';
  return fileExtensions.includes(ext) ? 'file' : undefined;
}

/** The kind a MIME type (og:video:type, <source type>, encodingFormat) proves. */
function kindFromMime(mime: string | null | undefined): VideoKind | undefined {
  const type = mime?.split(';')[0]?.trim().toLowerCase();
  if (!type) return undefined;
  if (type.includes('mpegurl')) return 'hls';
  if (type === 'application/dash+xml') return 'dash';
  if (type === 'text/html') return 'embed';
  if (type.startsWith('video/') || type.startsWith('audio/')) return 'file';
  return undefined;
}

/** The extension wins over a MIME hint because sites often mislabel manifests as video/mp4. */
export function kindOf(url: string, mime: string | null | undefined, fallback: VideoKind): VideoKind {
  return kindFromExtension(url) ?? kindFromMime(mime) ?? fallback;
}
