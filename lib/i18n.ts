import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

// UI text in the browser's language (public/_locales). The browser itself
// falls back to English (the default locale) for a key a language lacks, so
// the English table is not bundled: every context that shows text (pages, the
// background) has the i18n API. Unit tests give the fake browser the table
// (tests/unit/setup.ts).

export type MessageKey = keyof typeof en;

/** The message for key, or '' where there is none (or no i18n API here). */
function lookup(key: string, list: string[]): string {
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

/** The UI's language (the browser's), for dates, numbers and plural rules. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

type PluralBase<K> = K extends `${infer B}_other` ? B : never;

/**
 * A counted message: `<base>_one`, `<base>_other` (and any other form the
 * language's plural rules name, where the locale has it), with the count as $1.
 */
export function tn(base: PluralBase<MessageKey>, count: number, subs: string[] = []): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count);
  const list = [count.toLocaleString(uiLanguage()), ...subs];
  return lookup(`${base}_${form}`, list) || t(`${base}_other` as MessageKey, list);
}
