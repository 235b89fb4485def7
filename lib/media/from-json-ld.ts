import type { FoundVideo } from './types';
import { kindOf, toWebUrl } from './url';

type Json = unknown;

function isVideoObject(node: Record<string, Json>): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  // Types may be written as "VideoObject", "schema:VideoObject" or a full IRI.
  return types.some((type) => typeof type === 'string' && /(?:^|[:/#])VideoObject$/.test(type));
}

/** contentUrl/embedUrl may be a string, an array of strings, or a {"@id"|"url"} object. */
function urlsOf(value: Json): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(urlsOf);
  if (value && typeof value === 'object') {
    const record = value as Record<string, Json>;
    return [record['@id'], record.url].filter((item): item is string => typeof item === 'string');
  }
  return [];
}

/** Every VideoObject anywhere in the tree: @graph, arrays, and nested properties such as WebPage.video. */
function videoObjects(root: Json): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const seen = new Set<object>();
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const children = Array.isArray(node) ? node : Object.values(node as Record<string, Json>);
    if (!Array.isArray(node) && isVideoObject(node as Record<string, Json>)) found.push(node as Record<string, Json>);
    // Reversed so the stack visits children in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
}

function parse(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    // Pages ship broken JSON-LD often enough; one bad block must not hide the rest.
    return undefined;
  }
}

/** Direct files (contentUrl) before player pages (embedUrl). */
export function fromJsonLd(doc: Document, base: string): FoundVideo[] {
  const videos = Array.from(doc.querySelectorAll('script[type]'))
    .filter((script) => script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json')
    .flatMap((script) => videoObjects(parse(script.textContent ?? '')));
  const found: FoundVideo[] = [];
  for (const video of videos) {
    const mime = typeof video.encodingFormat === 'string' ? video.encodingFormat : undefined;
    for (const raw of urlsOf(video.contentUrl)) {
      const url = toWebUrl(raw, base);
      if (url) found.push({ url, kind: kindOf(url, mime, 'file'), source: 'json-ld' });
    }
  }
  for (const video of videos) {
    for (const raw of urlsOf(video.embedUrl)) {
      const url = toWebUrl(raw, base);
      if (url) found.push({ url, kind: kindOf(url, undefined, 'embed'), source: 'json-ld' });
    }
  }
  return found;
}
