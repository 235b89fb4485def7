import { useState } from 'preact/hooks';
import type { UploadJob } from '../../../lib/queue/model/job';
import { AllowSite } from '../../shared/AllowSite';
import { CopyButton } from '../../shared/CopyButton';
import { JobNote } from '../../shared/JobNote';
import { formatBytes } from '../../format/values';
import { formatDate } from '../../format/dates';
import { t } from '../../../lib/i18n';
import { nameOf, stateText } from './jobWords';
import { localNumber } from '../../../lib/format/local';

// An upload that is done with its bytes, as one line like a pending file's:
// state, name, account, link (or why it failed), copy, retry, remove. The
// other links and facts fold out below it.

interface Props {
  job: UploadJob;
  accountLabel: string;
  allowHttp?: boolean;
  onRetry(target: { id: string }): void;
  onRemove(target: { id: string }): void;
}

function sizeOf(job: UploadJob): number | undefined {
  return job.kind === 'file' ? job.file.size : job.bytesTotal;
}

export function FinishedJobRow({ job, accountLabel, allowHttp = false, onRetry, onRemove }: Props) {
  const [open, setOpen] = useState(false);
  const name = nameOf(job);
  const links = job.links;
  // A stopped job says why it stopped; a link it may still carry is in the details.
  const link = job.state === 'encoding' || job.state === 'ready' ? links?.watch : undefined;
  const detailsId = `finished-${job.id}`;
  const fold = open ? '' : ' ellipsis';
  return (
    <li data-job-id={job.id} data-state={job.state} data-kind={job.kind} class={`finished-row${open ? ' open' : ''}`}>
      <div class="finished-line">
        <span class={`badge ${job.state} ellipsis`} title={t(stateText[job.state])}>
          {t(stateText[job.state])}
        </span>
        <span class="ellipsis" title={name} data-field="name">
          {name}
        </span>
        <span class="muted small ellipsis" title={accountLabel} data-field="account">
          {accountLabel}
        </span>
        {link ? (
          <a href={link} target="_blank" rel="noreferrer" data-field="link" class={`small${fold}`} title={link}>
            {link}
          </a>
        ) : job.error ? (
          <span class={`small error${fold}`} data-field="error" data-code={job.error.code} title={job.error.message}>
            {job.error.message}
          </span>
        ) : (
          <span class="small muted">
            {job.progress !== undefined && job.state === 'encoding' ? t('upEncodingPercent', localNumber(Math.round(job.progress))) : ''}
          </span>
        )}
        <span class="finished-actions">
          {link ? <CopyButton text={link} /> : null}
          {job.state === 'failed' || job.state === 'interrupted' ? (
            <button type="button" onClick={() => onRetry(job)} aria-label={t('upRetryLabel', name)}>
              {t('upRetry')}
            </button>
          ) : null}
          {/* Landed or stopped: removing it from the queue leaves the file on the host. */}
          <button type="button" onClick={() => onRemove(job)} aria-label={t('upRemoveFromQueue', name)}>
            {t('upRemove')}
          </button>
        </span>
        <button
          type="button"
          class="disclosure"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
          aria-label={t('upDetailsFor', name)}
          title={open ? t('upDetailsHide') : t('upDetails')}
        >
          <span class="dir-icon">{open ? '▾' : '▸'}</span>
        </button>
      </div>
      {job.state === 'failed' && job.error?.code === 'permission' && job.error.site ? (
        <AllowSite jobId={job.id} site={job.error.site} account={{ id: job.accountId, label: accountLabel, allowHttp }} />
      ) : null}
      <JobNote job={job} class="small muted finished-note" />
      {open ? (
        <div id={detailsId} class="finished-details small">
          <dl class="facts">
            {links?.watch && !link ? (
              <>
                <dt>{t('upLinkWatch')}</dt>
                <dd class="ellipsis">
                  <a href={links.watch} target="_blank" rel="noreferrer">
                    {links.watch}
                  </a>
                </dd>
              </>
            ) : null}
            {links?.embed ? (
              <>
                <dt>{t('upLinkEmbed')}</dt>
                <dd class="ellipsis">
                  <a href={links.embed} target="_blank" rel="noreferrer">
                    {links.embed}
                  </a>
                </dd>
              </>
            ) : null}
            {links?.download ? (
              <>
                <dt>{t('upLinkDownload')}</dt>
                <dd class="ellipsis">
                  <a href={links.download} target="_blank" rel="noreferrer">
                    {links.download}
                  </a>
                </dd>
              </>
            ) : null}
            {job.fileCode ? (
              <>
                <dt>{t('upFileCode')}</dt>
                <dd>{job.fileCode}</dd>
              </>
            ) : null}
            {sizeOf(job) !== undefined ? (
              <>
                <dt>{t('upColSize')}</dt>
                <dd>{formatBytes(sizeOf(job))}</dd>
              </>
            ) : null}
            <dt>{t('upAddedAt')}</dt>
            <dd>{formatDate(job.createdAt, true)}</dd>
          </dl>
        </div>
      ) : null}
    </li>
  );
}
