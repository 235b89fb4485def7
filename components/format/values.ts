import { t } from '../../lib/i18n';
import { localDuration, localSize } from '../../lib/format/local';

// UI wording on top of lib/format/local (the UI's language): unknown values show a dash.

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null) return t('sizeUnlimited');
  return localSize(bytes) || '—';
}

export function formatDuration(seconds: number | undefined): string {
  return localDuration(seconds) || '—';
}
