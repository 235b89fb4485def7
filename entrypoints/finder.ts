import { findVideos } from '../lib/media/find-videos';
import { finderOptionsKey, readFinderOptions } from '../lib/media/types';

// Injected on demand by lib/media/inject.ts. WXT makes main()'s return value
// the script's completion value, which executeScript hands back per frame.
export default defineUnlistedScript(() =>
  findVideos(
    document,
    location.href,
    performance.getEntriesByType('resource').map((entry) => entry.name),
    readFinderOptions((globalThis as Record<string, unknown>)[finderOptionsKey]),
  ),
);
