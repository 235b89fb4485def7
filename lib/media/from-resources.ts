import type { FoundVideo, VideoKind } from './types';
import { extensionOf, toWebUrl } from './url';

// Narrower than the link list on purpose: segment files (.ts, .m4s) and
// thumbnails load by the hundred and are never what the user wants.
const resourceKinds = new Map<string, VideoKind>([
  ['mp4', 'file'],
  ['webm', 'file'],
  ['mkv', 'file'],
  ['m3u8', 'hls'],
  ['mpd', 'dash'],
]);

export function fromResources(resources: readonly string[], base: string): FoundVideo[] {
  const found: FoundVideo[] = [];
  for (const name of resources) {
    const url = typeof name === 'string' ? toWebUrl(name, base) : undefined;
    const kind = url && resourceKinds.get(extensionOf(url));
    if (url && kind) found.push({ url, kind, source: 'resource' });
  }
  return found;
}
