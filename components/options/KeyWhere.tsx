import type { HostPreset } from '../../lib/hosts/types';
import { t } from '../../lib/i18n';

/** Where on the host's site its document says the API key is, when it says so (the field's description). */
export function KeyWhere({ preset, id }: { preset: HostPreset; id: string }) {
  if (!preset.keyHelp && !preset.keyPage) return null;
  return (
    <p id={id} class="muted small">
      {preset.keyHelp ? t('optKeyWhere', preset.keyHelp) : null}{' '}
      {preset.keyPage ? (
        <a href={preset.keyPage} target="_blank" rel="noopener noreferrer">
          {t('optKeyOpenPage')}
        </a>
      ) : null}
    </p>
  );
}
