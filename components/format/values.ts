import { formatDuration as duration, formatSize } from '../../lib/format/units';

// UI wording on top of lib/format/units: unknown values show a dash.

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null) return 'unlimited';
  return formatSize(bytes) || '—';
}

export function formatDuration(seconds: number | undefined): string {
  return duration(seconds) || '—';
}
