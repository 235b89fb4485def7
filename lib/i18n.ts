import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';

// UI text in the browser's language (public/_locales), English when the
// browser has no translation or no i18n API (unit tests, fake browser).

export type MessageKey = keyof typeof en;

function fill(text: string, subs: string[]): string {
  return text.replace(/\$(\d)/g, (whole, n: string) => subs[Number(n) - 1] ?? whole);
}

export function t(key: MessageKey, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  try {
    // WXT types getMessage from the last generated locale list; the key set is checked against en above.
    const text = (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(key, list);
    if (text) return text;
  } catch {
    // No i18n in this context: use English below.
  }
  return fill(en[key]?.message ?? key, list);
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
  const key = `${base}_${form}` as MessageKey;
  const text = t(key in en ? key : (`${base}_other` as MessageKey), [count.toLocaleString(uiLanguage()), ...subs]);
  return text;
}
