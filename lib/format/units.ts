// Human-readable sizes and durations for link templates and file lists.

const sizeUnits = ['KB', 'MB', 'GB', 'TB', 'PB'];

/** Binary units (1 KB = 1024 B), one decimal: "1.2 GB". Empty for unknown or invalid sizes. */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  // Round first so 1023.96 KB shows as "1.0 MB", not "1024.0 KB".
  while (Number(value.toFixed(1)) >= 1024 && unit < sizeUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${sizeUnits[unit]}`;
}

/** "h:mm:ss" from one hour on, else "m:ss". Empty for unknown or invalid lengths. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
