// The languages of public/_locales, each named in its own language (as the
// Options page offers them), and which of them are written right to left.

export const languages = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'pt_BR', name: 'Português (Brasil)' },
  { code: 'ru', name: 'Русский' },
  { code: 'tr', name: 'Türkçe' },
  { code: 'ar', name: 'العربية' },
  { code: 'hi', name: 'हिन्दी' },
  { code: 'zh_CN', name: '简体中文' },
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'id', name: 'Bahasa Indonesia' },
] as const;

/** The choice that follows the browser's own language (the default). */
export const BROWSER_LANGUAGE = 'browser';

/** The pseudo-locale of the test build: English, accented and about 40% longer (lib/i18n/pseudo.ts). */
export const PSEUDO_LANGUAGE = 'en_XA';

const rtl = new Set(['ar', 'fa', 'he', 'ur']);

/** A locale folder name (pt_BR) as a language tag (pt-BR). */
export const languageTag = (code: string): string => code.replace('_', '-');

/** 'rtl' for a language written right to left. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return rtl.has(tag.split(/[-_]/)[0].toLowerCase()) ? 'rtl' : 'ltr';
}
