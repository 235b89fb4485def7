import type { FoundVideo, StreamInfo, VideoKind, VideoSource } from '../../lib/media/types';
import { t, uiLanguage, type MessageKey } from '../../lib/i18n';

// Words for a found video, so the user can tell candidates apart at a glance.

const kindText: Record<VideoKind, MessageKey> = {
  file: 'pickKindFile',
  hls: 'pickKindHls',
  dash: 'pickKindDash',
  embed: 'pickKindEmbed',
};

const sourceText: Record<VideoSource, MessageKey> = {
  video: 'pickSrcVideo',
  source: 'pickSrcSource',
  'og:video': 'pickSrcOgVideo',
  'twitter:player:stream': 'pickSrcTwitterStream',
  'twitter:player': 'pickSrcTwitterPlayer',
  'json-ld': 'pickSrcJsonLd',
  link: 'pickSrcLink',
  iframe: 'pickSrcIframe',
  resource: 'pickSrcResource',
  script: 'pickSrcScript',
};

export interface CandidateText {
  name: string;
  host: string;
  details: string;
  /** Why this stream cannot be sent, in plain words: the candidate is shown, not offered. */
  refusal?: string;
}

/** An estimate in the UI's language: whole megabytes below a gigabyte, one decimal above ("850 MB", "1.2 GB"). */
function approximateSize(bytes: number): string {
  const giga = bytes >= 1e9;
  return new Intl.NumberFormat(uiLanguage(), {
    style: 'unit',
    unit: giga ? 'gigabyte' : 'megabyte',
    unitDisplay: 'short',
    maximumFractionDigits: giga ? 1 : 0,
  }).format(giga ? bytes / 1e9 : Math.max(1, Math.round(bytes / 1e6)));
}

/** "HLS stream, 1080p, about 850 MB", with what is known of the quality and size. */
function streamName(stream: StreamInfo): string {
  const height = stream.height ? String(stream.height) : undefined;
  const size = stream.bytes ? approximateSize(stream.bytes) : undefined;
  if (height && size) return t('pickStreamVariantSize', [height, size]);
  if (height) return t('pickStreamVariant', height);
  if (size) return t('pickStreamSize', size);
  return t('pickKindHls');
}

/** The file name (or the host for a bare address), its host, and what kind of find it is. */
export function describeCandidate(video: FoundVideo): CandidateText {
  let name = video.url;
  let host = '';
  try {
    const url = new URL(video.url);
    host = url.host;
    const last = url.pathname.split('/').filter(Boolean).at(-1);
    name = last ? safeDecode(last) : url.host;
  } catch {
    // Stored candidates are absolute URLs; an odd one still shows, as is.
  }
  const details = `${t(kindText[video.kind])} · ${t(sourceText[video.source])}`;
  const stream = video.stream;
  const refusal = stream?.refused ? t(`streamRefused_${stream.refused}`) : undefined;
  // A quality of a master playlist is named by what it is; its file name (index.m3u8) tells nothing.
  if (stream && video.kind === 'hls' && (stream.master || stream.height || stream.bytes)) name = streamName(stream);
  return { name, host, details, ...(refusal ? { refusal } : {}) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
