import { useRef } from 'preact/hooks';
import type { UploadJob } from '../../../lib/queue/model/job';
import { etaSeconds } from '../../../lib/queue/model/speed';
import { CopyButton } from '../../shared/CopyButton';
import { JobNote } from '../../shared/JobNote';
import { formatBytes, formatDuration } from '../../format/values';
import { t } from '../../../lib/i18n';
import { localTime } from '../../../lib/format/local';
import { FinishedJobRow } from './FinishedJobRow';
import { nameOf, settled, stateText } from './jobWords';

// One upload or relay in the queue: progress with speed and ETA, and what
// the user can do next (cancel, retry, choose the file again). Once done
// with its bytes it folds to one compact line (FinishedJobRow).

interface Props {
  job: UploadJob;
  accountLabel: string;
  /** Whether the job's account allows plain http (for the host access "Allow <site>" asks for). */
  allowHttp?: boolean;
  /** A job, or a mirror by its id. */
  onCancel(target: { id: string }): void;
  onRetry(target: { id: string }): void;
  onRemove(target: { id: string }): void;
  onReattach(job: UploadJob, file: File): void;
}

/** "Choose file again" for an upload whose File went with a closed browser; `name` names it for assistive tech. */
export function ChooseFileAgain({ name, onFile }: { name: string; onFile(file: File): void }) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="primary" onClick={() => picker.current?.click()} aria-label={t('upChooseAgainLabel', name)}>
        {t('upChooseAgain')}
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        aria-label={t('upFileFor', name)}
        onChange={(e) => {
          const el = e.target as HTMLInputElement;
          const file = el.files?.[0];
          el.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** Bytes on their way: percent, size, speed and ETA. */
export function Progress({ job }: { job: UploadJob }) {
  if (job.state !== 'uploading' && job.state !== 'sending') return null;
  const total = job.bytesTotal;
  const sent = job.bytesSent ?? 0;
  const percent = total ? Math.floor((sent / total) * 100) : undefined;
  const eta = etaSeconds(job.bytesSent, total, job.speed);
  const verb = job.kind !== 'relay' ? undefined : job.phase === 'download' ? t('upDownloading') : t('upUploadingToHost');
  return (
    <div class="small">
      <progress max={100} value={percent ?? undefined} aria-label={t('upProgressLabel', nameOf(job))} />
      <div class="row muted">
        {verb ? <span>{verb}</span> : null}
        <span data-field="percent">{percent === undefined ? '—' : `${percent}%`}</span>
        <span data-field="bytes">{t('upBytesOf', [formatBytes(sent), formatBytes(total)])}</span>
        <span data-field="speed">{job.speed ? `${formatBytes(job.speed)}/s` : '— /s'}</span>
        <span data-field="eta">{t('upEta', eta === undefined ? '—' : formatDuration(eta))}</span>
      </div>
    </div>
  );
}

export function UploadJobRow(props: Props) {
  if (settled(props.job)) return <FinishedJobRow {...props} />;
  return <RunningJobRow {...props} />;
}

function RunningJobRow({ job, accountLabel, onCancel, onRemove, onReattach }: Props) {
  const name = nameOf(job);
  const waitingRetry = job.state === 'queued' && job.nextAttemptAt !== undefined && job.error;
  const needsFile = job.kind === 'file' && job.state === 'interrupted';
  // Settled jobs take the compact row: what is left here is on its way, or waits for its file.
  const cancellable = !needsFile;
  return (
    <li data-job-id={job.id} data-state={job.state} data-kind={job.kind}>
      <div class="row">
        <span class={`badge ${job.state}`}>{t(stateText[job.state])}</span>
        <span class="grow ellipsis" title={name} data-field="name">
          {name}
        </span>
        <span class="muted small">{accountLabel}</span>
      </div>
      <Progress job={job} />
      {job.links?.watch ? (
        <div class="row small">
          <a href={job.links.watch} target="_blank" rel="noreferrer" data-field="link" class="grow ellipsis">
            {job.links.watch}
          </a>
          <CopyButton text={job.links.watch} />
        </div>
      ) : null}
      <JobNote job={job} />
      {job.error ? (
        <div class={`small ${waitingRetry ? 'warn' : 'error'}`} data-field="error" data-code={job.error.code}>
          {job.state === 'interrupted' && job.kind === 'file' ? `${t('upInterruptedChoose')} ` : null}
          {job.error.message}
          {waitingRetry ? ` ${t('upNextTry', localTime(job.nextAttemptAt!))}` : null}
        </div>
      ) : null}
      <div class="row small" style={{ marginTop: '4px' }}>
        {cancellable ? (
          <button type="button" onClick={() => onCancel(job)} aria-label={t('upCancelLabel', name)}>
            {t('upCancel')}
          </button>
        ) : null}
        {needsFile ? <ChooseFileAgain name={name} onFile={(file) => onReattach(job, file)} /> : null}
        {!cancellable ? (
          <button type="button" onClick={() => onRemove(job)} aria-label={t('upRemoveFromQueue', name)}>
            {t('upRemove')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
