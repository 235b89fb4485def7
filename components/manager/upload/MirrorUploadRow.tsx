import type { PublicAccount } from '../../../lib/accounts';
import type { UploadJob } from '../../../lib/queue/model/job';
import { groupDone, type JobGroup } from '../../../lib/queue/model/group';
import { t } from '../../../lib/i18n';
import { MirrorLinks } from '../../shared/MirrorLinks';
import { UploadJobRow } from './UploadJobRow';

// One file mirrored to several accounts: the combined result (every
// account's link or error, "Copy all links"), then each unfinished account's
// upload with its own progress, cancel, retry and "choose the file again".

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
  const parent = group;
  const children = group.members.filter((member): member is UploadJob => member.kind !== 'remote');
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? t('jobRemovedAccount');
  const done = groupDone(group);
  return (
    <li data-job-id={parent.id} data-state={parent.state} data-kind="mirror">
      <div class="row">
        <span class={`badge ${parent.state}`}>{t('upMirrorBadge', String(children.length))}</span>
        <strong class="grow ellipsis" data-field="name">
          {parent.file?.name ?? parent.title}
        </strong>
        {done ? (
          <button type="button" onClick={() => onRemove(parent)} aria-label={t('upRemoveFromQueue', parent.file?.name ?? '')}>
            {t('upRemove')}
          </button>
        ) : (
          <button type="button" onClick={() => onCancel(parent)} aria-label={t('upCancelLabel', parent.file?.name ?? '')}>
            {t('upCancel')}
          </button>
        )}
      </div>
      <MirrorLinks group={group} accounts={accounts} />
      {/* A ready account is in the combined list already; the others keep their progress and actions here. */}
      <ul class="list mirror-children" aria-label={t('upMirrorUploads', parent.file?.name ?? '')}>
        {children.filter((child) => child.state !== 'ready').map((child) => (
          <UploadJobRow key={child.id} job={child} accountLabel={labelOf(child.accountId)} onCancel={onCancel} onRetry={onRetry} onRemove={onRemove} onReattach={onReattach} />
        ))}
      </ul>
    </li>
  );
}
