import type { AccountCapabilities } from '../../../lib/protocol/files';
import { ErrorNote } from '../../shared/ErrorNote';
import { useRemote, type UiError } from '../../hooks/useRemote';
import { unavailable } from '../files/capabilities';
import { t } from '../../../lib/i18n';

// The host's own queues and lists: encodings in progress, deleted files, DMCA notices.

interface List<T> {
  data: T[] | undefined;
  error: UiError | undefined;
  reload(): Promise<void>;
}

function Block<T>({
  title,
  refreshLabel,
  reason,
  list,
  empty,
  render,
}: {
  title: string;
  refreshLabel: string;
  reason?: string;
  list: List<T>;
  empty: string;
  render(item: T): preact.JSX.Element;
}) {
  return (
    <section class="panel" aria-label={title} style={{ marginTop: '12px' }}>
      <div class="row">
        <h2 class="grow">{title}</h2>
        {reason ? null : (
          <button type="button" onClick={() => void list.reload()} aria-label={refreshLabel}>
            {t('acctRefresh')}
          </button>
        )}
      </div>
      {reason ? <p class="muted">{reason}</p> : null}
      <ErrorNote error={list.error} />
      {!reason && list.data === undefined && !list.error ? <p class="muted">{t('acctLoading')}</p> : null}
      {list.data?.length === 0 ? <p class="empty">{empty}</p> : null}
      {list.data?.length ? <ul class="list small">{list.data.map(render)}</ul> : null}
    </section>
  );
}

export function AccountLists({ accountId, caps }: { accountId: string; caps: AccountCapabilities }) {
  const encReason = unavailable(caps, 'encodings');
  const delReason = unavailable(caps, 'deletedFiles');
  const dmcaReason = unavailable(caps, 'dmcaFiles');
  const encodings = useRemote('account.encodings', { accountId }, 30_000, !!encReason);
  const deleted = useRemote('account.deleted', { accountId }, undefined, !!delReason);
  const dmca = useRemote('account.dmca', { accountId }, undefined, !!dmcaReason);
  return (
    <>
      <Block
        title={t('acctEncodings')}
        refreshLabel={t('acctRefreshEncodings')}
        reason={encReason}
        list={encodings}
        empty={t('acctNoEncodings')}
        render={(e) => (
          <li key={`${e.fileCode}-${e.quality ?? ''}`} class="row">
            <span class="grow ellipsis">{e.title ?? e.fileCode}</span>
            {e.quality ? <span class="badge">{e.quality}</span> : null}
            <span>{e.status}</span>
            <progress
              max={100}
              value={e.progress}
              style={{ width: '120px' }}
              aria-label={t('acctEncodingProgress', [e.title ?? e.fileCode, e.quality ?? ''])}
            />
            <span>{e.progress}%</span>
          </li>
        )}
      />
      <Block
        title={t('acctDeleted')}
        refreshLabel={t('acctRefreshDeleted')}
        reason={delReason}
        list={deleted}
        empty={t('acctNoDeleted')}
        render={(d) => (
          <li key={d.fileCode} class="row">
            <span class="grow ellipsis">{d.title ?? d.fileCode}</span>
            <span class="muted">{d.fileCode}</span>
            <span>{d.deleted ?? ''}</span>
            {d.deletedBy ? <span class="muted">{t('acctDeletedBy', d.deletedBy)}</span> : null}
          </li>
        )}
      />
      <Block
        title={t('acctDmca')}
        refreshLabel={t('acctRefreshDmca')}
        reason={dmcaReason}
        list={dmca}
        empty={t('acctNoDmca')}
        render={(d) => (
          <li key={d.fileCode} class="row">
            <span class="grow">{d.fileCode}</span>
            <span class="error">{d.deleteAt ? t('acctDeletedAt', d.deleteAt) : t('acctDeletedSoon')}</span>
          </li>
        )}
      />
    </>
  );
}
