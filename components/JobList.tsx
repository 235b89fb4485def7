import type { Job } from '../lib/queue/job';
import type { PublicAccount } from '../lib/accounts';
import { CopyButton } from './CopyButton';
import { MirrorLinks } from './MirrorLinks';
import { formatBytes } from './format';

const stateText: Record<Job['state'], string> = {
  queued: 'Queued',
  sending: 'Sending',
  uploading: 'Uploading',
  encoding: 'Encoding',
  ready: 'Ready',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

function jobName(job: Job): string {
  return job.title || job.file?.name || job.url || job.id;
}

function Progress({ job }: { job: Job }) {
  if (job.state !== 'uploading' || !job.bytesTotal) return null;
  const percent = Math.floor(((job.bytesSent ?? 0) / job.bytesTotal) * 100);
  return (
    <div class="small muted">
      <progress max={100} value={percent} aria-label={`${jobName(job)} upload progress`} /> {percent}% · {formatBytes(job.bytesSent)} of{' '}
      {formatBytes(job.bytesTotal)}
    </div>
  );
}

interface Props {
  jobs: Job[];
  accounts?: PublicAccount[];
  onRetry?(job: Job): void;
  onRemove?(job: Job): void;
  empty?: string;
  /** Show at most this many top-level jobs (mirror children always show inside their parent). */
  max?: number;
}

export function JobList({ jobs, accounts = [], onRetry, onRemove, empty = 'Nothing sent yet.', max }: Props) {
  if (jobs.length === 0) return <p class="empty">{empty}</p>;
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? 'removed account';
  const ids = new Set(jobs.map((job) => job.id));
  const shown = jobs.filter((job) => !job.parentId || !ids.has(job.parentId)).slice(0, max);
  return (
    <ul class="list" aria-label="Jobs">
      {shown.map((job) => (
        <li key={job.id} data-job-id={job.id} data-state={job.state}>
          <div class="row">
            <span class={`badge ${job.state}`}>{stateText[job.state]}</span>
            <span class="grow ellipsis" title={jobName(job)}>
              {jobName(job)}
            </span>
            {job.kind === 'mirror' ? null : <CopyButton text={job.links?.watch} />}
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
          {job.error ? (
            <div class="small error" data-code={job.error.code}>
              {job.error.message}
            </div>
          ) : null}
          {(onRetry && (job.state === 'failed' || job.state === 'interrupted')) || onRemove ? (
            <div class="row small">
              {onRetry && (job.state === 'failed' || job.state === 'interrupted') ? (
                <button type="button" onClick={() => onRetry(job)}>
                  Retry
                </button>
              ) : null}
              {onRemove ? (
                <button type="button" onClick={() => onRemove(job)}>
                  Remove
                </button>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
