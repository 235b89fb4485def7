import type { Job, RemoteJob } from '../../lib/queue/model/job';
import { entriesOf, jobSource, type JobEntry } from '../../lib/queue/model/group';
import type { PublicAccount } from '../../lib/accounts';
import { t, type MessageKey } from '../../lib/i18n';
import { CopyButton } from './CopyButton';
import { AllowSite } from './AllowSite';
import { MirrorLinks } from './MirrorLinks';
import { JobNote } from './JobNote';
import { formatBytes } from '../format/values';
import { localNumber } from '../../lib/format/local';

const stateKey: Record<Job['state'], MessageKey> = {
  queued: 'jobQueued',
  sending: 'jobSending',
  uploading: 'jobUploading',
  encoding: 'jobEncoding',
  ready: 'jobReady',
  failed: 'jobFailed',
  interrupted: 'jobInterrupted',
};

function jobName(entry: JobEntry): string {
  if (entry.kind === 'mirror') return entry.title || entry.url || entry.id;
  return entry.title || jobSource(entry) || entry.id;
}

/** The state word; a remote upload waiting for the host (to name its file, or for a slot) says so. */
function stateWord(job: JobEntry): string {
  if (job.kind === 'remote' && job.waiting === 'host' && job.state === 'encoding') return t('jobWaitingHost');
  if (job.kind === 'remote' && job.waiting === 'slot' && job.state === 'queued') return t('jobWaitingSlot');
  return t(stateKey[job.state]);
}

function Progress({ job }: { job: JobEntry }) {
  if (job.kind === 'remote' && job.state === 'encoding' && job.progress !== undefined) {
    const percent = Math.floor(job.progress);
    return (
      <div class="small muted" data-field="host-progress">
        <progress max={100} value={percent} aria-label={t('jobProgressLabel', jobName(job))} /> {t('jobHostProgress', localNumber(percent))}
      </div>
    );
  }
  if (job.kind === 'mirror' || job.kind === 'remote' || job.state !== 'uploading' || !job.bytesTotal) return null;
  const percent = Math.floor(((job.bytesSent ?? 0) / job.bytesTotal) * 100);
  return (
    <div class="small muted">
      <progress max={100} value={percent} aria-label={t('jobProgressLabel', jobName(job))} />{' '}
      {t('jobProgress', [localNumber(percent), formatBytes(job.bytesSent), formatBytes(job.bytesTotal)])}
    </div>
  );
}

interface Props {
  /** Jobs as the background sends them: a mirror's members are shown as one row. */
  jobs: Job[];
  accounts?: PublicAccount[];
  /** A job, or a mirror (its id names its members). */
  onRetry?(entry: JobEntry): void;
  onRemove?(entry: JobEntry): void;
  /** History: restart or remove a remote upload stuck at the host (the host reported an error). */
  onHostAction?(job: RemoteJob, action: 'restart' | 'remove'): void;
  /** Whether the job's host takes those actions (History asks each account's host); absent: every stuck job offers them. */
  canHostAction?(job: RemoteJob): boolean;
  empty?: string;
  /** Show at most this many rows (a mirror is one row, its members inside it). */
  max?: number;
}

/** The job's error as the user reads it: codes the background leaves to the UI are worded here, in the user's language. */
function errorText(error: NonNullable<JobEntry['error']>): string {
  return error.code === 'unconfirmed' ? t('jobUnconfirmed') : error.message;
}

/** The host is working on it and has reported an error: the user may restart or remove it there. */
export function stuckAtHost(job: JobEntry): job is RemoteJob {
  return job.kind === 'remote' && job.state === 'encoding' && job.error?.code === 'upload_rejected';
}

export function JobList({ jobs, accounts = [], onRetry, onRemove, onHostAction, canHostAction = () => true, empty = t('jobNothingSent'), max }: Props) {
  if (jobs.length === 0) return <p class="empty">{empty}</p>;
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? t('jobRemovedAccount');
  const shown = entriesOf(jobs).slice(0, max);
  return (
    <ul class="list" aria-label={t('jobList')}>
      {shown.map((job) => (
        <li key={job.id} data-job-id={job.id} data-state={job.state} data-waiting={job.kind === 'remote' ? job.waiting : undefined}>
          <div class="row">
            <span class={`badge ${job.state}`}>{stateWord(job)}</span>
            <span class="grow ellipsis" title={jobName(job)}>
              {jobName(job)}
            </span>
            {job.kind === 'mirror' || !job.links?.watch ? null : <CopyButton text={job.links.watch} />}
          </div>
          {job.kind === 'mirror' ? (
            <MirrorLinks group={job} accounts={accounts} />
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
          {job.kind !== 'mirror' ? <JobNote job={job} /> : null}
          {job.error ? (
            <div class="small error" data-code={job.error.code}>
              {errorText(job.error)}
            </div>
          ) : null}
          {job.kind !== 'mirror' && job.state === 'failed' && job.error?.code === 'permission' && job.error.site ? (
            <AllowSite jobId={job.id} site={job.error.site} account={accounts.find((a) => a.id === job.accountId)} />
          ) : null}
          {(onRetry && (job.state === 'failed' || job.state === 'interrupted')) || onRemove || onHostAction ? (
            <div class="row small">
              {onHostAction && stuckAtHost(job) && canHostAction(job) ? (
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
