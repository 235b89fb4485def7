import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chooseLanguage, t, tn, uiDirection, uiLanguage } from '../../../lib/i18n';
import { fillMessage } from '../../../lib/i18n/messages';
import { directionOf, languages } from '../../../lib/i18n/languages';

// A language chosen in Options: the extension reads that locale's
// messages.json itself (the browser's API answers only in the browser's
// language), key by key falling back to English, then to the browser.

const dir = join(__dirname, '../../../public/_locales');
const file = (folder: string) => JSON.parse(readFileSync(join(dir, folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

/** fetch() over the extension's files, with `edit` changing a locale's table on the way. */
function serveLocales(edit: (folder: string, table: Record<string, { message: string }>) => void = () => {}) {
  const fetched: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const folder = /\/_locales\/([^/]+)\/messages\.json$/.exec(url)?.[1];
      fetched.push(folder ?? url);
      if (!folder) return new Response('', { status: 404 });
      const table = file(folder);
      edit(folder, table);
      return new Response(JSON.stringify(table));
    }),
  );
  return fetched;
}

afterEach(async () => {
  await chooseLanguage('browser');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a chosen language', () => {
  it('speaks Vietnamese whatever the browser speaks, and names it for Intl', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de');
    const fetched = serveLocales();
    await chooseLanguage('vi');
    expect(fetched).toEqual(['en', 'vi']);
    expect(t('optLanguage')).toBe('Ngôn ngữ');
    expect(t('optEditHeading', 'Media main')).toBe(file('vi').optEditHeading.message.replace('$1', 'Media main'));
    expect(uiLanguage()).toBe('vi');
    expect(uiDirection()).toBe('ltr');
  });

  it('Arabic is right to left and counts in its own plural forms', async () => {
    serveLocales();
    await chooseLanguage('ar');
    const ar = file('ar');
    expect(uiLanguage()).toBe('ar');
    expect(uiDirection()).toBe('rtl');
    expect(tn('filesViewCount', 3)).toBe(ar.filesViewCount_few.message.replace('$1', (3).toLocaleString('ar')));
    expect(tn('filesViewCount', 11)).toBe(ar.filesViewCount_many.message.replace('$1', (11).toLocaleString('ar')));
  });

  it('takes a key the chosen locale lacks from English', async () => {
    serveLocales((folder, table) => {
      if (folder === 'de') delete (table as Record<string, unknown>).optLanguageHelp;
    });
    await chooseLanguage('de');
    expect(t('optLanguage')).toBe('Sprache');
    expect(t('optLanguageHelp')).toBe(file('en').optLanguageHelp.message);
  });

  it('pt_BR is the tag pt-BR', async () => {
    serveLocales();
    await chooseLanguage('pt_BR');
    expect(uiLanguage()).toBe('pt-BR');
    expect(t('optLanguage')).toBe('Idioma');
  });

  it('goes back to the browser language for "browser", for a language this build lacks, and when the table cannot be read', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    const fetched = serveLocales();
    await chooseLanguage('vi');
    await chooseLanguage('browser');
    expect(uiLanguage()).toBe('en-US');
    expect(t('optLanguage')).toBe('Language');

    await chooseLanguage('xx');
    expect(uiLanguage()).toBe('en-US');
    // The pseudo-locale is the test build's only.
    await chooseLanguage('en_XA');
    expect(t('optLanguage')).toBe('Language');
    expect(fetched).toEqual(['en', 'vi']);

    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    await chooseLanguage('ru');
    expect(t('optLanguage')).toBe('Language');
  });
});

describe('fillMessage (Chrome message format)', () => {
  it('fills $1…$9, empties a missing one and reads $$ as $', () => {
    expect(fillMessage({ message: '$2 of $1 cost $$5$3' }, ['a', 'b'])).toBe('b of a cost $5');
  });

  it('fills named placeholders, any case, whose content holds $n', () => {
    const entry = { message: 'Sent $Count$ to $HOST$ ($unknown$)', placeholders: { count: { content: '$1' }, host: { content: '<$2>' } } };
    expect(fillMessage(entry, ['3', 'media.cm'])).toBe('Sent 3 to <media.cm> ($unknown$)');
  });
});

describe('directionOf', () => {
  it('is rtl for Arabic (and Hebrew, Persian, Urdu), ltr otherwise', () => {
    expect(['ar', 'ar-EG', 'he', 'fa', 'ur'].map(directionOf)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'vi', 'hi', 'zh-CN', 'arn'].map(directionOf)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });
});

describe('the Options list of languages', () => {
  it('names every locale folder, each once, and nothing else', () => {
    const folders = readdirSync(dir).sort();
    expect(languages.map((l) => l.code).sort()).toEqual(folders);
  });
});
