import type { FoundVideo, VideoKind, VideoSource } from '../../lib/media/types';
import { t, type MessageKey } from '../../lib/i18n';

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
};

export interface CandidateText {
  name: string;
  host: string;
  details: string;
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
  return { name, host, details: `${t(kindText[video.kind])} · ${t(sourceText[video.source])}` };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
