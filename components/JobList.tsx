import type { Job } from '../lib/queue/job';
import { foundNote } from '../lib/queue/states';
import type { PublicAccount } from '../lib/accounts';
import { t, type MessageKey } from '../lib/i18n';
import { CopyButton } from './CopyButton';
import { MirrorLinks } from './MirrorLinks';
import { formatBytes } from './format';

const stateKey: Record<Job['state'], MessageKey> = {
  queued: 'jobQueued',
  sending: 'jobSending',
  uploading: 'jobUploading',
  encoding: 'jobEncoding',
  ready: 'jobReady',
  failed: 'jobFailed',
  interrupted: 'jobInterrupted',
};

function jobName(job: Job): string {
  return job.title || job.file?.name || job.url || job.id;
}

/** The state word; a remote upload waiting for the host (to name its file, or for a slot) says so. */
function stateWord(job: Job): string {
  if (job.waiting === 'host' && job.state === 'encoding') return t('jobWaitingHost');
  if (job.waiting === 'slot' && job.state === 'queued') return t('jobWaitingSlot');
  return t(stateKey[job.state]);
}

function Progress({ job }: { job: Job }) {
  if (job.kind === 'remote' && job.state === 'encoding' && job.progress !== undefined) {
    const percent = Math.floor(job.progress);
    return (
      <div class="small muted" data-field="host-progress">
        <progress max={100} value={percent} aria-label={t('jobProgressLabel', jobName(job))} /> {t('jobHostProgress', String(percent))}
      </div>
    );
  }
  if (job.state !== 'uploading' || !job.bytesTotal) return null;
  const percent = Math.floor(((job.bytesSent ?? 0) / job.bytesTotal) * 100);
  return (
    <div class="small muted">
      <progress max={100} value={percent} aria-label={t('jobProgressLabel', jobName(job))} />{' '}
      {t('jobProgress', [String(percent), formatBytes(job.bytesSent), formatBytes(job.bytesTotal)])}
    </div>
  );
}

interface Props {
  jobs: Job[];
  accounts?: PublicAccount[];
  onRetry?(job: Job): void;
  onRemove?(job: Job): void;
  /** History: restart or remove a remote upload stuck at the host (the host reported an error). */
  onHostAction?(job: Job, action: 'restart' | 'remove'): void;
  empty?: string;
  /** Show at most this many top-level jobs (mirror children always show inside their parent). */
  max?: number;
}

/** The host is working on it and has reported an error: the user may restart or remove it there. */
function stuckAtHost(job: Job): boolean {
  return job.kind === 'remote' && job.state === 'encoding' && job.error?.code === 'upload_rejected';
}

export function JobList({ jobs, accounts = [], onRetry, onRemove, onHostAction, empty = t('jobNothingSent'), max }: Props) {
  if (jobs.length === 0) return <p class="empty">{empty}</p>;
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? t('jobRemovedAccount');
  const ids = new Set(jobs.map((job) => job.id));
  const shown = jobs.filter((job) => !job.parentId || !ids.has(job.parentId)).slice(0, max);
  return (
    <ul class="list" aria-label={t('jobList')}>
      {shown.map((job) => (
        <li key={job.id} data-job-id={job.id} data-state={job.state} data-waiting={job.waiting}>
          <div class="row">
            <span class={`badge ${job.state}`}>{stateWord(job)}</span>
            <span class="grow ellipsis" title={jobName(job)}>
              {jobName(job)}
            </span>
            {job.kind === 'mirror' || !job.links?.watch ? null : <CopyButton text={job.links.watch} />}
          </div>
          {job.kind === 'mirror' ? (
            <MirrorLinks parent={job} jobs={jobs} accounts={accounts} />
          ) : (
            <div class="small muted ellipsis">
              {labelOf(job.accountId)}
              {job.links?.watch ? (
                <>
                  {' · '}
                  <a href={job.links.watch} target="_blank" rel="noreferrer" data-field="link">
                    {job.links.watch}
                  </a>
                </>
              ) : null}
            </div>
          )}
          <Progress job={job} />
          {job.note ? (
            <div class="small muted" data-field="note">
              {job.note === foundNote ? t('jobFoundOnHost') : job.note}
            </div>
          ) : null}
          {job.error ? (
            <div class="small error" data-code={job.error.code}>
              {job.error.message}
            </div>
          ) : null}
          {(onRetry && (job.state === 'failed' || job.state === 'interrupted')) || onRemove || onHostAction ? (
            <div class="row small">
              {onHostAction && stuckAtHost(job) ? (
                <>
                  <button type="button" onClick={() => onHostAction(job, 'restart')}>
                    {t('jobRestartAtHost')}
                  </button>
                  {job.fileCode ? (
                    <button type="button" onClick={() => onHostAction(job, 'remove')}>
                      {t('jobRemoveAtHost')}
                    </button>
                  ) : null}
                </>
              ) : null}
              {onRetry && (job.state === 'failed' || job.state === 'interrupted') ? (
                <button type="button" onClick={() => onRetry(job)}>
                  {t('jobRetry')}
                </button>
              ) : null}
              {onRemove ? (
                <button type="button" onClick={() => onRemove(job)}>
                  {t('jobRemove')}
                </button>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
