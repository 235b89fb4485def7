import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppError } from '../../../lib/errors';
import { findVideos } from '../../../lib/media';
import { findVideosInTab } from '../../../lib/media/inject';
import { findLimits, finderOptionsKey, readFinderOptions } from '../../../lib/media/types';
import { loadFixture, parseHtml } from './load-fixture';

type Frame = { frameId: number; result?: unknown; error?: unknown };

// fakeBrowser has no scripting implementation; each "frame" runs the real finder on a saved page.
function stubFrames(frames: Frame[]) {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(frames as never);
}

describe('findVideosInTab', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('injects the built finder into every frame and merges the frames, top frame first and files before players', async () => {
    const top = findVideos(parseHtml('<iframe src="https://host.example/e/abc123"></iframe><a href="/dl/a.mp4">a</a>'), 'https://top.example/');
    const player = findVideos(loadFixture('simple-video.html'), 'https://host.example/e/abc123');
    const spy = stubFrames([
      { frameId: 7, result: [...player, { url: 'https://top.example/dl/a.mp4', kind: 'file', source: 'resource' }] },
      { frameId: 0, result: top },
    ]);

    await expect(findVideosInTab(3)).resolves.toEqual([
      { url: 'https://top.example/dl/a.mp4', kind: 'file', source: 'link' },
      { url: 'https://host.example/e/holiday.mp4', kind: 'file', source: 'video' },
      { url: 'https://host.example/e/abc123', kind: 'embed', source: 'iframe' },
    ]);
    expect(spy).toHaveBeenCalledWith({ target: { tabId: 3, allFrames: true }, files: ['/finder.js'] });
  });

  it('hands the finder the clicked audio first, and clears it on a run without one', async () => {
    const spy = stubFrames([{ frameId: 0, result: [] }]);
    await findVideosInTab(3, 0, { clickedAudio: 'https://a.example/ep.mp3' });
    const setOptions = spy.mock.calls[0]![0] as unknown as { func: (key: string, value: unknown) => void; args: [string, unknown] };
    expect(setOptions.args).toEqual([finderOptionsKey, { clickedAudio: 'https://a.example/ep.mp3' }]);
    expect(spy.mock.calls[1]![0]).toEqual({ target: { tabId: 3, frameIds: [0] }, files: ['/finder.js'] });
    // The function really sets what the finder bundle reads.
    setOptions.func(...setOptions.args);
    expect(readFinderOptions((globalThis as Record<string, unknown>)[finderOptionsKey])).toEqual({ clickedAudio: 'https://a.example/ep.mp3' });
    spy.mockClear();
    await findVideosInTab(3);
    expect((spy.mock.calls[0]![0] as unknown as { args: unknown[] }).args).toEqual([finderOptionsKey, {}]);
    expect(readFinderOptions({ clickedAudio: 5 })).toEqual({});
  });

  it('targets one frame when asked', async () => {
    const spy = stubFrames([{ frameId: 4, result: [] }]);
    await expect(findVideosInTab(3, 4)).resolves.toEqual([]);
    expect(spy).toHaveBeenCalledWith({ target: { tabId: 3, frameIds: [4] }, files: ['/finder.js'] });
  });

  it('drops frames that failed and entries that are not safe video URLs', async () => {
    stubFrames([
      {
        frameId: 0,
        result: [
          { url: 'javascript:alert(1)', kind: 'file', source: 'link' },
          { url: 'https://ok.example/v.mp4', kind: 'file', source: 'video' },
        ],
      },
      { frameId: 2, error: new Error('Frame with ID 2 was removed.') },
      { frameId: 3, result: 'not an array' },
      { frameId: 5, result: [{ url: 'https://x.example/v.mp4', kind: 'torrent', source: 'video' }] },
    ]);
    await expect(findVideosInTab(1)).resolves.toEqual([{ url: 'https://ok.example/v.mp4', kind: 'file', source: 'video' }]);
  });

  it('turns a page the extension may not script into an "unsupported" error the user can act on', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    const error = await findVideosInTab(1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/cannot look into this page/) });
  });

  it('rejects an invalid tab id before touching the browser', async () => {
    const spy = stubFrames([]);
    await expect(findVideosInTab(-1)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(findVideosInTab(1, 1.5)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('a page that floods the finder', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives at most findLimits.perFrame from a page of 50,000 video links, files first', () => {
    const links = Array.from({ length: 50_000 }, (_, i) => `<a href="/v/${i}.mp4">${i}</a>`).join('');
    const doc = parseHtml(`<iframe src="https://player.example/e/1"></iframe>${links}`);
    const found = findVideos(doc, 'https://flood.example/');
    expect(found).toHaveLength(findLimits.perFrame);
    expect(found[0]).toEqual({ url: 'https://flood.example/v/0.mp4', kind: 'file', source: 'link' });
    expect(found.every((f) => f.kind === 'file')).toBe(true);
  });

  it('leaves out a URL longer than findLimits.urlLength', () => {
    const long = `https://flood.example/${'a'.repeat(findLimits.urlLength)}.mp4`;
    expect(findVideos(parseHtml(`<video src="${long}"></video><video src="/ok.mp4"></video>`), 'https://flood.example/')).toEqual([
      { url: 'https://flood.example/ok.mp4', kind: 'file', source: 'video' },
    ]);
  });

  it('reads only findLimits.perFrame answers of each frame and hands on at most findLimits.perTab', async () => {
    const answers = (frame: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ url: `https://f${frame}.example/${i}.mp4`, kind: 'file', source: 'link' }));
    stubFrames([
      { frameId: 0, result: answers(0, 50_000) },
      { frameId: 1, result: answers(1, 50_000) },
      { frameId: 2, result: answers(2, 50_000) },
    ]);
    const found = await findVideosInTab(3);
    expect(found).toHaveLength(findLimits.perTab);
    expect(found.filter((f) => f.url.startsWith('https://f0.example/'))).toHaveLength(findLimits.perFrame);
  });
});
