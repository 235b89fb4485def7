import type { Job } from '../../lib/queue/model/job';
import { foundNote, secondCopyNote, secondCopyRemovedNote } from '../../lib/queue/model/states';
import { send } from '../../lib/messaging';
import { t } from '../../lib/i18n';
import { useAction } from '../hooks/useAction';

// What the background noted about how a job got where it is, worded for the
// user: found on the host after a cut, or a second copy the same send left
// on the host (with the button that removes it, where the host can delete
// files). Job rows show it with one line each.

function noteText(job: Job): string {
  if (job.note === foundNote) return t('jobFoundOnHost');
  if (job.note === secondCopyNote && job.secondCopy) return t('jobSecondCopy', job.secondCopy.codes.join(', '));
  if (job.note === secondCopyRemovedNote) return t('jobSecondCopyRemoved');
  return job.note ?? '';
}

export function JobNote({ job, class: className = 'small muted' }: { job: Job; class?: string }) {
  const removal = useAction();
  if (!job.note) return null;
  const removable = job.note === secondCopyNote && job.secondCopy?.removable;
  return (
    <div class={className} data-field="note" data-note={job.note}>
      {noteText(job)}
      {removable ? (
        <>
          {' '}
          <button type="button" disabled={removal.pending} onClick={() => void removal.run(() => send('jobs.removeSecondCopy', { id: job.id }))}>
            {t('jobRemoveSecondCopy')}
          </button>
        </>
      ) : null}
      {removal.error ? (
        <div class="error" role="alert" data-code={removal.error.code}>
          {removal.error.message}
        </div>
      ) : null}
    </div>
  );
}
