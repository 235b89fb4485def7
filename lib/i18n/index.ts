import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';
import { BROWSER_LANGUAGE, directionOf, languages, languageTag, PSEUDO_LANGUAGE } from './languages';
import { fillMessage, type MessageTable } from './messages';
import { pseudoTable } from './pseudo';
import { kept } from './kept';

export { BROWSER_LANGUAGE, languages, PSEUDO_LANGUAGE } from './languages';

// UI text from public/_locales. As the browser (the default): the browser's
// i18n API, synchronous, which falls back to English (the default locale) for
// a key a language lacks. A language the user chose in Options: the extension
// reads that locale's messages.json itself (chooseLanguage, awaited before a
// page's first render and at every background start), each key falling back
// to English, then to the browser's API. Unit tests give the fake browser the
// English table (tests/unit/setup.ts).

export type MessageKey = keyof typeof en;

interface Chosen {
  code: string;
  table: MessageTable;
  english: MessageTable;
}
let chosen: Chosen | undefined;

/** The message for key, or '' where there is none (or no i18n API here). */
function lookup(key: string, list: string[]): string {
  const entry = chosen && (chosen.table[key] ?? chosen.english[key]);
  if (entry) return fillMessage(entry, list);
  try {
    // WXT types getMessage from the last generated locale list; the key set is checked against en above.
    return (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(key, list) || '';
  } catch {
    return '';
  }
}

export function t(key: MessageKey, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return lookup(key, list) || key;
}

/** The UI's language as a tag (the chosen one, else the browser's), for dates, numbers and plural rules. */
export function uiLanguage(): string {
  if (chosen) return languageTag(chosen.code);
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** The UI's writing direction: pages set it on <html dir>. */
export function uiDirection(): 'ltr' | 'rtl' {
  return directionOf(uiLanguage());
}

/** The language choices this build offers: the locales, and the pseudo-locale in a test build. */
export function languageChoices(): readonly string[] {
  const codes: string[] = languages.map((l) => l.code);
  return import.meta.env.VIDRELAY_TEST_BUILD ? [...codes, PSEUDO_LANGUAGE] : codes;
}

async function readTable(code: string): Promise<MessageTable> {
  const url = (browser.runtime.getURL as (path: string) => string)(`/_locales/${code}/messages.json`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${code}: ${response.status}`);
  return (await response.json()) as MessageTable;
}

/**
 * Use the messages of `choice` (a locale folder name) from now on, or the
 * browser's language for BROWSER_LANGUAGE and for a language this build does
 * not have. A table that cannot be read leaves the browser's language on.
 */
export async function chooseLanguage(choice: string): Promise<void> {
  if (choice === BROWSER_LANGUAGE || !languageChoices().includes(choice)) {
    chosen = undefined;
    return;
  }
  try {
    const english = await readTable('en');
    const table = choice === 'en' ? english : choice === PSEUDO_LANGUAGE ? pseudoTable(english) : await readTable(choice);
    chosen = { code: choice, table, english };
  } catch (error) {
    chosen = undefined;
    console.warn('VidRelay: the messages of the chosen language could not be read; using the browser language', String(error));
  }
}

const plurals = new Map<string, Intl.PluralRules>();

type PluralBase<K> = K extends `${infer B}_other` ? B : never;

/**
 * A counted message: `<base>_one`, `<base>_other` (and any other form the
 * language's plural rules name, where the locale has it), with the count as $1.
 */
export function tn(base: PluralBase<MessageKey>, count: number, subs: string[] = []): string {
  const form = kept(plurals, uiLanguage(), () => new Intl.PluralRules(uiLanguage())).select(count);
  const list = [count.toLocaleString(uiLanguage()), ...subs];
  return lookup(`${base}_${form}`, list) || t(`${base}_other` as MessageKey, list);
}
