import type { FoundVideo, VideoKind, VideoSource } from '../../lib/media/types';

// Words for a found video, so the user can tell candidates apart at a glance.

const kindText: Record<VideoKind, string> = {
  file: 'video file',
  hls: 'HLS stream',
  dash: 'DASH stream',
  embed: 'player page',
};

const sourceText: Record<VideoSource, string> = {
  video: 'video element',
  source: 'video source',
  'og:video': 'page metadata (og:video)',
  'twitter:player:stream': 'page metadata (Twitter card)',
  'twitter:player': 'player metadata (Twitter card)',
  'json-ld': 'structured data (JSON-LD)',
  link: 'link on the page',
  iframe: 'embedded player',
  resource: 'loaded by the page',
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
  return { name, host, details: `${kindText[video.kind]} · ${sourceText[video.source]}` };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
