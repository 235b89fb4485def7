import { uiLanguage } from '../i18n';
import { kept } from '../i18n/kept';

// Numbers, sizes, durations and times as the UI's language writes them
// (Intl): digits, decimal mark and unit names. Link templates and messages
// for logs keep lib/format/units.ts, the same in every language.

const units = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

// Each formatter is made once per language and options (lib/i18n/kept.ts).
const numberFormats = new Map<string, Intl.NumberFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A count or amount: "1,234" in English, "1.234" in German. */
export function localNumber(value: number, lang = uiLanguage(), options: Intl.NumberFormatOptions = {}): string {
  return kept(numberFormats, `${lang}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(lang, options)).format(value);
}

/** Binary steps (1 kB = 1024 bytes), one decimal: "1.2 GB", "1,2 GB", "१.२ GB". Empty for unknown or invalid sizes. */
export function localSize(bytes: number | undefined, lang = uiLanguage()): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  // Bytes in words ("2 bytes", "2 octets"): the short form has no plural in English ("2 byte").
  if (bytes < 1024) return localNumber(Math.round(bytes), lang, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  let value = bytes / 1024;
  let unit = 0;
  // Round first so 1023.96 kB shows as "1.0 MB", not "1,024.0 kB".
  while (Math.round(value * 10) / 10 >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return localNumber(value, lang, { style: 'unit', unit: units[unit], unitDisplay: 'short', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** "h:mm:ss" from one hour on, else "m:ss", in the language's digits. Empty for unknown or invalid lengths. */
export function localDuration(seconds: number | undefined, lang = uiLanguage()): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const two = (n: number) => localNumber(n, lang, { minimumIntegerDigits: 2, useGrouping: false });
  const one = (n: number) => localNumber(n, lang, { useGrouping: false });
  return h > 0 ? `${one(h)}:${two(m)}:${two(total % 60)}` : `${one(m)}:${two(total % 60)}`;
}

/** A time of day, short: "14:05", "2:05 PM". */
export function localTime(at: number | Date, lang = uiLanguage()): string {
  return kept(timeFormats, lang, () => new Intl.DateTimeFormat(lang, { timeStyle: 'short' })).format(at);
}
