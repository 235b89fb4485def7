import { looksLikeEmbed } from './embed-patterns';
import type { FoundVideo, VideoKind } from './types';
import { kindOf, toWebUrl } from './url';

interface Pending {
  raw: string;
  source: FoundVideo['source'];
  mime?: string;
  fallback: VideoKind;
}

function nameOf(meta: Element): string {
  return (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase();
}

/**
 * og:video may repeat, each followed by its own og:video:type (Open Graph's
 * structured properties), so types are applied to the group they follow.
 */
function collect(doc: Document): Pending[] {
  const out: Pending[] = [];
  let group: Pending[] = [];
  let streams: Pending[] = [];
  for (const meta of Array.from(doc.querySelectorAll('meta[content]'))) {
    const name = nameOf(meta);
    const content = meta.getAttribute('content') ?? '';
    if (name === 'og:video') {
      group = [];
    }
    if (name === 'og:video' || name === 'og:video:url' || name === 'og:video:secure_url') {
      const entry: Pending = { raw: content, source: 'og:video', fallback: 'file' };
      group.push(entry);
      out.push(entry);
    } else if (name === 'og:video:type') {
      for (const entry of group) entry.mime ??= content;
    } else if (name === 'twitter:player:stream') {
      const entry: Pending = { raw: content, source: 'twitter:player:stream', fallback: 'file' };
      streams = [entry];
      out.push(entry);
    } else if (name === 'twitter:player:stream:content_type') {
      for (const entry of streams) entry.mime ??= content;
    } else if (name === 'twitter:player') {
      out.push({ raw: content, source: 'twitter:player', fallback: 'embed', mime: 'text/html' });
    }
  }
  return out;
}

export function fromMetaTags(doc: Document, base: string): FoundVideo[] {
  const found: FoundVideo[] = [];
  for (const entry of collect(doc)) {
    const url = toWebUrl(entry.raw, base);
    if (!url) continue;
    const fallback = looksLikeEmbed(url) ? 'embed' : entry.fallback;
    found.push({ url, kind: kindOf(url, entry.mime, fallback), source: entry.source });
  }
  return found;
}
