import { useState } from 'preact/hooks';
import { errorFrom } from '../../lib/messaging';
import { t } from '../../lib/i18n';
import { clearFinishedJobs } from '../hooks/removeJobs';

// Clearing old finished jobs: only when the user asks, with an export
// offered first, and never a job still in the queue.

const dayMs = 24 * 60 * 60 * 1000;

function dateInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

interface Props {
  disabled: boolean;
  exportFirst(): Promise<void>;
  cleared(removed: number): void;
  failed(message: string): void;
}

export function ClearFinished({ disabled, exportFirst, cleared, failed }: Props) {
  const [open, setOpen] = useState(false);
  const [before, setBefore] = useState(() => dateInput(Date.now() - 90 * dayMs));
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <div class="row small" style={{ margin: '4px 0' }}>
        <button type="button" disabled={disabled} onClick={() => setOpen(true)}>
          {t('histClear')}
        </button>
      </div>
    );
  }
  const remove = async () => {
    setBusy(true);
    try {
      // The start of the chosen day, in this browser's time zone.
      const cutoff = new Date(`${before}T00:00:00`).getTime();
      const removed = await clearFinishedJobs(cutoff);
      setOpen(false);
      cleared(removed);
    } catch (error) {
      failed(errorFrom(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel small" aria-label={t('histClear')} style={{ margin: '8px 0' }}>
      <p>{t('histClearExplain')}</p>
      <div class="row">
        <label for="history-clear-before">{t('histClearBefore')}</label>
        <input id="history-clear-before" type="date" value={before} onInput={(e) => setBefore((e.target as HTMLInputElement).value)} />
        <button type="button" disabled={busy} onClick={() => void exportFirst()}>
          {t('histClearExportFirst')}
        </button>
        <button type="button" class="danger" disabled={busy || !before} onClick={() => void remove()}>
          {t('histClearConfirm')}
        </button>
        <button type="button" disabled={busy} onClick={() => setOpen(false)}>
          {t('histClearCancel')}
        </button>
      </div>
    </section>
  );
}
