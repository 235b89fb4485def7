import { uiLanguage } from '../../lib/i18n';
import { kept } from '../../lib/i18n/kept';

// Dates as the user reads them (the browser's language); a host's text that
// is no date is shown as it came.

function parse(value: string | number): Date | undefined {
  // Hosts send "YYYY-MM-DD HH:MM:SS"; Date wants the T.
  const date = typeof value === 'number' ? new Date(value) : new Date(/^\d{4}-\d{2}-\d{2} \d/.test(value) ? value.replace(' ', 'T') : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

// A formatter is made once per language and form (lib/i18n/kept.ts).
const formats = new Map<string, Intl.DateTimeFormat>();
const formatter = (withTime: boolean) =>
  kept(
    formats,
    `${uiLanguage()}|${withTime}`,
    () => new Intl.DateTimeFormat(uiLanguage(), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }),
  );

export function formatDate(value: string | number | undefined, withTime = false): string {
  if (value === undefined || value === '') return '—';
  const date = parse(value);
  if (!date) return String(value);
  return formatter(withTime).format(date);
}

/** True when the date is a real date before `now`. */
export function isPast(value: string | number | undefined, now = Date.now()): boolean {
  const date = value === undefined ? undefined : parse(value);
  return date !== undefined && date.getTime() < now;
}
