import { useState } from 'preact/hooks';
import type { PublicAccount } from '../../../lib/accounts';
import type { UploadJob } from '../../../lib/queue/model/job';
import { groupDone, type JobGroup } from '../../../lib/queue/model/group';
import { t } from '../../../lib/i18n';
import { MirrorCopyAll, labelsOf, mirrorSummary } from '../../shared/MirrorLinks';
import { MirrorMemberRow } from './MirrorMemberRow';
import { settled } from './jobWords';
import { localNumber } from '../../../lib/format/local';

// One file mirrored to several accounts: one line (how far it is, "Copy all
// links", remove), and below it one line per account with its link or its
// error, said once. The accounts fold away once none is still sending.

interface Props {
  /** A file mirror: its members are file jobs. */
  group: JobGroup;
  accounts: readonly PublicAccount[];
  /** A job, or the mirror by its id (then every member). */
  onCancel(target: { id: string }): void;
  onRetry(target: { id: string }): void;
  onRemove(target: { id: string }): void;
  onReattach(job: UploadJob, file: File): void;
}

export function MirrorUploadRow({ group, accounts, onCancel, onRetry, onRemove, onReattach }: Props) {
  const members = group.members.filter((member): member is UploadJob => member.kind !== 'remote');
  const labelOf = labelsOf(accounts);
  const name = group.file?.name ?? group.title ?? '';
  const done = groupDone(group);
  // Open by itself while an account is on its way or waits for its file; once the user folds or opens it, that holds.
  const busy = members.some((member) => !settled(member));
  const [chosen, setChosen] = useState<boolean>();
  const open = chosen ?? busy;
  const detailsId = `mirror-${group.id}`;
  return (
    <li data-job-id={group.id} data-state={group.state} data-kind="mirror" class={`finished-row${open ? ' open' : ''}`}>
      <div class="finished-line mirror-line">
        <span class={`badge ${group.state} ellipsis`}>{t('upMirrorBadge', localNumber(members.length))}</span>
        <strong class="ellipsis" data-field="name" title={name}>
          {name}
        </strong>
        <span class="muted small ellipsis" data-field="summary" data-mirror-id={group.id} data-done={done ? 'true' : 'false'}>
          {mirrorSummary(group)}
        </span>
        <span class="finished-actions">
          <MirrorCopyAll group={group} labelOf={labelOf} />
          {!busy ? (
            <button type="button" onClick={() => onRemove(group)} aria-label={t('upRemoveFromQueue', name)}>
              {t('upRemove')}
            </button>
          ) : (
            <button type="button" onClick={() => onCancel(group)} aria-label={t('upCancelLabel', name)}>
              {t('upCancel')}
            </button>
          )}
        </span>
        <button
          type="button"
          class="disclosure"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setChosen(!open)}
          aria-label={t('upDetailsFor', name)}
          title={open ? t('upDetailsHide') : t('upDetails')}
        >
          <span class="dir-icon">{open ? '▾' : '▸'}</span>
        </button>
      </div>
      {open ? (
        <fieldset id={detailsId} aria-label={t('upMirrorUploads', name)} class="mirror-details">
          <ul class="list mirror-members" aria-label={t('mirrorList')}>
            {members.map((member) => (
              <MirrorMemberRow
                key={member.id}
                member={member}
                accountLabel={labelOf(member.accountId)}
                name={name}
                onCancel={onCancel}
                onRetry={onRetry}
                onReattach={onReattach}
              />
            ))}
          </ul>
        </fieldset>
      ) : null}
    </li>
  );
}
