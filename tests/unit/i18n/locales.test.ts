import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, tn } from '../../../lib/i18n';
import { switchLocale } from './helpers';

type Messages = Record<string, { message: string; description?: string }>;

const dir = join(__dirname, '../../../public/_locales');
const folders = readdirSync(dir).sort();
const raw = (folder: string) => readFileSync(join(dir, folder, 'messages.json'), 'utf8');
const load = (folder: string) => JSON.parse(raw(folder)) as Messages;
const en = load('en');
const others = folders.filter((f) => f !== 'en');

// The locales the Chrome Web Store (and so chrome.i18n) accepts as _locales folder names.
const chromeLocales = new Set(
  'ar am bg bn ca cs da de el en en_AU en_GB en_US es es_419 et fa fi fil fr gu he hi hr hu id it ja kn ko lt lv ml mr ms nl no pl pt_BR pt_PT ro ru sk sl sr sv sw ta te th tr uk vi zh_CN zh_TW'.split(
    ' ',
  ),
);

const pluralOrder = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** The language's plural categories as Intl names them (tn() picks `<base>_<category>`). */
const categories = (folder: string) => new Intl.PluralRules(folder.replace('_', '-')).resolvedOptions().pluralCategories;
/** Counted messages: every English `<base>_other`. */
const bases = Object.keys(en)
  .filter((k) => k.endsWith('_other'))
  .map((k) => k.slice(0, -'_other'.length));
const pluralKey = new RegExp(`^(${bases.join('|')})_(${pluralOrder.join('|')})$`);

/** The keys a locale must have: English's plain keys, and each counted base in exactly the language's categories. */
function expectedKeys(folder: string): string[] {
  const plain = Object.keys(en).filter((k) => !pluralKey.test(k));
  const counted = bases.flatMap((b) => categories(folder).map((c) => `${b}_${c}`));
  return [...plain, ...counted].sort();
}

/** The English message a key translates: a plural form translates `<base>_other`. */
function source(key: string): string {
  const m = pluralKey.exec(key);
  return en[m ? `${m[1]}_other` : key].message;
}

/** A category that only one whole number falls in (English "one", Arabic "zero"/"two") may spell the count out instead of $1. */
function singleNumber(folder: string, category: string): boolean {
  const rules = new Intl.PluralRules(folder.replace('_', '-'));
  let hits = 0;
  for (let n = 0; n <= 1000; n++) if (rules.select(n) === category) hits++;
  return hits === 1;
}

const substitutions = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();
const tokens = (text: string) => (text.match(/<[^>]*>|\{[^}]*\}/g) ?? []).sort();

describe('locales', () => {
  afterEach(() => vi.restoreAllMocks());

  it('ships English, German and the ten translations, in folders Chrome accepts', () => {
    expect(folders).toEqual(['ar', 'de', 'en', 'es', 'fr', 'hi', 'id', 'pt_BR', 'ru', 'tr', 'vi', 'zh_CN']);
    for (const folder of folders) expect(chromeLocales.has(folder), folder).toBe(true);
  });

  it.each(folders)('%s/messages.json is Chrome message format', (folder) => {
    const parsed: unknown = JSON.parse(raw(folder));
    expect(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)).toBe(true);
    const seen = new Set<string>();
    for (const [key, entry] of Object.entries(parsed as Record<string, unknown>)) {
      // Chrome: ASCII letters, digits and _; names are case-insensitive and @@ is reserved.
      expect(key, folder).toMatch(/^[A-Za-z0-9_]+$/);
      expect(key.startsWith('@@'), key).toBe(false);
      expect(seen.has(key.toLowerCase()), `${folder} ${key} twice`).toBe(false);
      seen.add(key.toLowerCase());
      expect(entry !== null && typeof entry === 'object' && !Array.isArray(entry), key).toBe(true);
      const { message, description, ...rest } = entry as Record<string, unknown>;
      expect(rest, `${folder} ${key} has only message and description`).toEqual({});
      expect(typeof message, key).toBe('string');
      if (description !== undefined) expect(typeof description, key).toBe('string');
      expect((message as string).trim(), `${folder} ${key} is empty`).not.toBe('');
      // A lone $ that is not $1…$9 or $$ would be read as a named placeholder this format does not define.
      expect((message as string).replace(/\$\$|\$[1-9]/g, ''), `${folder} ${key}`).not.toContain('$');
    }
  });

  it.each(folders)('%s keeps the name and description within the manifest limits', (folder) => {
    const { extName, extDescription } = load(folder);
    expect(extName.message).toBe('VidRelay');
    expect(extDescription.message.length).toBeLessThanOrEqual(132);
  });

  it.each(folders)('%s has every English key, counted ones in exactly its plural categories', (folder) => {
    const keys = Object.keys(load(folder)).sort();
    const expected = expectedKeys(folder);
    expect(
      expected.filter((k) => !keys.includes(k)),
      `${folder} lacks`,
    ).toEqual([]);
    expect(
      keys.filter((k) => !expected.includes(k)),
      `${folder} has too many`,
    ).toEqual([]);
  });

  it.each(folders)('%s keeps the substitutions, markup and {tokens} of English', (folder) => {
    for (const [key, { message }] of Object.entries(load(folder))) {
      const english = source(key);
      const form = pluralKey.exec(key)?.[2];
      const want = substitutions(english);
      const got = substitutions(message);
      if (form && singleNumber(folder, form) && got.length === want.length - 1) {
        expect(got, `${folder} ${key}: only the count may be spelled out`).toEqual(want.filter((s) => s !== '$1'));
      } else {
        expect(got, `${folder} ${key}`).toEqual(want);
      }
      expect(tokens(message), `${folder} ${key}`).toEqual(tokens(english));
      expect(/^\s/.test(message) === /^\s/.test(english) && /\s$/.test(message) === /\s$/.test(english), `${folder} ${key} spacing`).toBe(true);
    }
  });

  it.each(others)('%s: tn() finds the form its plural rules pick', (folder) => {
    const messages = load(folder);
    switchLocale(messages);
    const lang = folder.replace('_', '-');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(lang);
    const rules = new Intl.PluralRules(lang);
    for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 100, 101, 1_000_000]) {
      const form = messages[`filesViewCount_${rules.select(n)}`].message;
      expect(tn('filesViewCount', n), `${folder} ${n}`).toBe(form.replace('$1', n.toLocaleString(lang)));
    }
  });

  it('t() falls back to English, with substitutions, where the i18n API is missing', () => {
    expect(t('optSave')).toBe('Save');
    expect(t('optEditHeading', 'Media main')).toBe('Edit Media main');
    expect(t('optImported', ['3', '2'])).toBe('Imported 3 accounts (2 with keys).');
  });
});
