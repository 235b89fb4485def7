import type { UploadJob } from '../../../lib/queue/model/job';
import { CopyButton } from '../../shared/CopyButton';
import { memberLinked } from '../../shared/mirrorCopy';
import { t } from '../../../lib/i18n';
import { localTime } from '../../../lib/format/local';
import { stateText } from './jobWords';
import { ChooseFileAgain, Progress } from './UploadJobRow';
import { localNumber } from '../../../lib/format/local';

// One account of a file mirror, on one line: its state, its link or the one
// place its error is said, and what can be done for this account alone.

interface Props {
  member: UploadJob;
  accountLabel: string;
  /** The mirror's file name. */
  name: string;
  onCancel(target: { id: string }): void;
  onRetry(target: { id: string }): void;
  onReattach(job: UploadJob, file: File): void;
}

export function MirrorMemberRow({ member, accountLabel, name, onCancel, onRetry, onReattach }: Props) {
  // Buttons of several accounts sit side by side: each names its account.
  const subject = `${name} (${accountLabel})`;
  const link = memberLinked(member) ? member.links!.watch : undefined;
  const needsFile = member.kind === 'file' && member.state === 'interrupted';
  const waitingRetry = member.state === 'queued' && member.nextAttemptAt !== undefined && !!member.error;
  const cancellable = member.state === 'queued' || member.state === 'sending' || member.state === 'uploading';
  return (
    <li data-job-id={member.id} data-state={member.state} class="mirror-member">
      <div class="member-line">
        <span class={`badge ${member.state} ellipsis`}>{t(stateText[member.state])}</span>
        <strong class="ellipsis" title={accountLabel}>
          {accountLabel}
        </strong>
        {link ? (
          <a href={link} target="_blank" rel="noreferrer" data-field="mirror-link" class="small ellipsis" title={link}>
            {link}
          </a>
        ) : member.error ? (
          <span class={`small ellipsis ${waitingRetry ? 'warn' : 'error'}`} data-field="error" data-code={member.error.code} title={member.error.message}>
            {needsFile ? `${t('upInterruptedChoose')} ` : null}
            {member.error.message}
            {waitingRetry ? ` ${t('upNextTry', localTime(member.nextAttemptAt!))}` : null}
          </span>
        ) : (
          <span class="small muted">
            {member.state === 'encoding' && member.progress !== undefined ? t('upEncodingPercent', localNumber(Math.round(member.progress))) : ''}
          </span>
        )}
        <span class="finished-actions">
          {link ? <CopyButton text={link} /> : null}
          {needsFile ? <ChooseFileAgain name={subject} onFile={(file) => onReattach(member, file)} /> : null}
          {member.state === 'failed' || (member.state === 'interrupted' && !needsFile) ? (
            <button type="button" onClick={() => onRetry(member)} aria-label={t('upRetryLabel', subject)}>
              {t('upRetry')}
            </button>
          ) : null}
          {cancellable ? (
            <button type="button" onClick={() => onCancel(member)} aria-label={t('upCancelLabel', subject)}>
              {t('upCancel')}
            </button>
          ) : null}
        </span>
      </div>
      <Progress job={member} />
    </li>
  );
}
