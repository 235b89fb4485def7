import { useEffect, useState } from 'preact/hooks';
import type { DeletedFile, DmcaFile, Encoding } from '../../../lib/hosts/types';
import type { AccountCapabilities } from '../../../lib/protocol/files';
import { errorFrom, send } from '../../../lib/messaging';
import { ErrorNote } from '../../ErrorNote';
import type { UiError } from '../../useRemote';
import { unavailable } from '../files/capabilities';
import { t } from '../../../lib/i18n';

// The host's own queues and lists: encodings in progress, deleted files, DMCA notices.

function useList<T>(load: () => Promise<T[]>, reason: string | undefined, intervalMs?: number) {
  const [items, setItems] = useState<T[]>();
  const [error, setError] = useState<UiError>();
  const reload = async () => {
    if (reason) return;
    try {
      setItems(await load());
      setError(undefined);
    } catch (e) {
      setError(errorFrom(e));
    }
  };
  useEffect(() => {
    void reload();
    if (!intervalMs || reason) return;
    const timer = setInterval(() => void reload(), intervalMs);
    return () => clearInterval(timer);
  }, [reason]);
  return { items, error, reload };
}

function Block<T>({ title, refreshLabel, reason, list, empty, render }: { title: string; refreshLabel: string; reason?: string; list: ReturnType<typeof useList<T>>; empty: string; render(item: T): preact.JSX.Element }) {
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
      {!reason && list.items === undefined && !list.error ? <p class="muted">{t('acctLoading')}</p> : null}
      {list.items?.length === 0 ? <p class="empty">{empty}</p> : null}
      {list.items?.length ? <ul class="list small">{list.items.map(render)}</ul> : null}
    </section>
  );
}

export function AccountLists({ accountId, caps }: { accountId: string; caps: AccountCapabilities }) {
  const encReason = unavailable(caps, 'encodings');
  const delReason = unavailable(caps, 'deletedFiles');
  const dmcaReason = unavailable(caps, 'dmcaFiles');
  const encodings = useList<Encoding>(() => send('account.encodings', { accountId }), encReason, 30_000);
  const deleted = useList<DeletedFile>(() => send('account.deleted', { accountId }), delReason);
  const dmca = useList<DmcaFile>(() => send('account.dmca', { accountId }), dmcaReason);
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
            <progress max={100} value={e.progress} style={{ width: '120px' }} aria-label={t('acctEncodingProgress', [e.title ?? e.fileCode, e.quality ?? ''])} />
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
