import { formatDuration as duration, formatSize } from '../../lib/format/units';
import { uiLanguage } from '../../lib/i18n';

// UI wording on top of lib/links/units: unknown values show a dash.

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null) return 'unlimited';
  return formatSize(bytes) || '—';
}

export function formatDuration(seconds: number | undefined): string {
  return duration(seconds) || '—';
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(uiLanguage());
}
