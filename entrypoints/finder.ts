import { findVideos } from '@/lib/media/find-videos';

// Injected on demand by lib/media/inject.ts. WXT makes main()'s return value
// the script's completion value, which executeScript hands back per frame.
export default defineUnlistedScript(() =>
  findVideos(
    document,
    location.href,
    performance.getEntriesByType('resource').map((entry) => entry.name),
  ),
);
