import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// How a page starts: following the browser it renders at once (no await before
// the first render, the popup's cold start); with a language chosen it reads
// that language first; either way <html lang dir> follows, and a stored choice
// that differs from the page's copy reloads the page in it.

const stored = vi.hoisted(() => ({ language: 'browser' }));
vi.mock('../../../lib/messaging', () => ({ send: vi.fn(async () => ({ ...stored })) }));

const { startPage } = await import('../../../components/shared/startPage');
const { chooseLanguage, t } = await import('../../../lib/i18n');

const dir = join(__dirname, '../../../public/_locales');
const reload = vi.fn();

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => new Response(readFileSync(join(dir, /_locales\/([^/]+)\//.exec(url)![1], 'messages.json'), 'utf8'))),
  );
  vi.stubGlobal('location', { ...location, reload });
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  // Each test runs the check a page makes after its first render itself: none is left for the next test.
  vi.useFakeTimers({ toFake: ['setTimeout'] });
});

afterEach(async () => {
  vi.clearAllTimers();
  localStorage.clear();
  stored.language = 'browser';
  reload.mockReset();
  await chooseLanguage('browser');
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('startPage', () => {
  it('renders at once in the browser language when no language is chosen', () => {
    const show = vi.fn(() => t('optLanguage'));
    startPage(show);
    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveReturnedWith('Language');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['en-US', 'ltr']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reads a chosen language before the first render, and sets Arabic right to left', async () => {
    localStorage.setItem('vidrelay.language', 'ar');
    stored.language = 'ar';
    let said = '';
    const shown = new Promise<void>((resolve) =>
      startPage(() => {
        said = t('optLanguage');
        resolve();
      }),
    );
    expect(said).toBe('');
    await shown;
    expect(said).toBe('اللغة');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
  });

  it('reloads in the stored choice when the page’s copy differs, and only then', async () => {
    stored.language = 'vi';
    startPage(() => {});
    await vi.advanceTimersByTimeAsync(250);
    expect(localStorage.getItem('vidrelay.language')).toBe('vi');
    expect(reload).toHaveBeenCalledTimes(1);

    reload.mockReset();
    stored.language = 'browser';
    localStorage.clear();
    startPage(() => {});
    await vi.advanceTimersByTimeAsync(250);
    expect(reload).not.toHaveBeenCalled();
  });

  it('titles the page in its language', async () => {
    startPage(
      () => {},
      () => t('mgrTitle'),
    );
    expect(document.title).toBe('VidRelay manager');
    localStorage.setItem('vidrelay.language', 'de');
    stored.language = 'de';
    await new Promise<void>((resolve) => startPage(resolve, () => t('mgrTitle')));
    expect(document.title).not.toBe('VidRelay manager');
    expect(document.title).toBe(JSON.parse(readFileSync(join(dir, 'de', 'messages.json'), 'utf8')).mgrTitle.message);
  });
});
