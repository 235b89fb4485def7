import { browser } from 'wxt/browser';
import { AppError } from '../errors';
import { z } from '../zod';
import { rankAndDedupe } from './find-videos';
import { type FindVideosOptions, type FoundVideo, findLimits, finderOptionsKey, videoKinds, videoSources } from './types';
import { toWebUrl } from './url';

// The bundle WXT builds from entrypoints/finder.ts.
const finderFile = '/finder.js';

// Frame results come from code running in a page the user does not control, so they are checked.
const foundVideo = z.object({
  url: z
    .string()
    .max(findLimits.urlLength)
    .refine((url) => toWebUrl(url, 'about:blank') === url),
  kind: z.enum(videoKinds),
  source: z.enum(videoSources),
});

function videosIn(result: unknown): FoundVideo[] {
  if (!Array.isArray(result)) return [];
  // A frame may be hostile: only as many answers as a frame may give are looked at.
  return result.slice(0, findLimits.perFrame).flatMap((item) => {
    const parsed = foundVideo.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Run the finder in a tab (every frame, or just `frameId`) and merge what the
 * frames report: the top frame first, direct files before player pages.
 */
export async function findVideosInTab(tabId: number, frameId?: number, options: FindVideosOptions = {}): Promise<FoundVideo[]> {
  if (!Number.isInteger(tabId) || tabId < 0 || (frameId !== undefined && (!Number.isInteger(frameId) || frameId < 0))) {
    throw new AppError('invalid_input', 'There is no page to search for videos (no valid tab was given).');
  }
  const target = frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] };
  let results: { frameId?: number; result?: unknown }[];
  try {
    // Every run sets the options, so a previous click's audio never carries over.
    await browser.scripting.executeScript({
      target,
      func: (key: string, value: FindVideosOptions) => void Object.assign(globalThis, { [key]: value }),
      args: [finderOptionsKey, options],
    });
    results = await browser.scripting.executeScript({ target, files: [finderFile] });
  } catch (error) {
    throw new AppError(
      'unsupported',
      'VidRelay cannot look into this page (browser pages, the extension store and some sites block extensions). Open the video page itself and try again.',
      { cause: error },
    );
  }
  const ordered = [...results].sort((a, b) => Number(a.frameId !== 0) - Number(b.frameId !== 0));
  return rankAndDedupe(
    ordered.flatMap((entry) => videosIn(entry.result)),
    findLimits.perTab,
  );
}
