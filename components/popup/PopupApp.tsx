import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messaging';
import { ErrorNote } from '../shared/ErrorNote';
import { JobList } from '../shared/JobList';
import { JobAnnouncer } from '../shared/JobAnnouncer';
import { CopyAs } from '../shared/CopyAs';
import { jobLinkItem } from '../format/linkItems';
import { useToast } from '../hooks/useToast';
import { useRemote } from '../hooks/useRemote';
import { useJobs } from '../hooks/useJobs';
import { entriesOf, linkedJobs } from '../../lib/queue/model/group';
import { SendUrlsForm } from './SendUrlsForm';
import { recentCopyLimit } from '../../lib/protocol/recent-copy';
import { shownAccounts, shownRecentJobs } from '../hooks/lastShown';

export function PopupApp() {
  // Accounts and jobs are drawn at once as the popup last showed them, then as the background answers (lastShown.ts):
  // the send form too, so that nothing moves when the answers come.
  const accounts = useRemote('accounts.list', {}, undefined, false, shownAccounts);
  const settings = useRemote('settings.get', {});
  // The 10 newest jobs (a mirror's children come along), followed through the background's job feed.
  const jobs = useJobs('jobs.list', { limit: recentCopyLimit }, shownRecentJobs);
  const list = accounts.data ?? [];
  const toast = useToast();
  const labelOf = (id: string) => list.find((a) => a.id === id)?.label ?? '';
  // The links of the rows shown below (a mirror is one row, its members inside it).
  const recentLinks = linkedJobs(entriesOf(jobs.data ?? []).slice(0, recentCopyLimit));

  return (
    // 400px wide, less where the window is narrower (Firefox's scroll bar takes its share once the popup is taller than 600px).
    <main style={{ width: '400px', maxWidth: '100%', padding: '12px' }}>
      <header class="row" style={{ marginBottom: '8px' }}>
        {/* The title keeps its width; longer translations move the actions to a line of their own. */}
        <h1 style={{ margin: 0, whiteSpace: 'nowrap', flex: '1 0 auto' }}>VidRelay</h1>
        <div class="row">
          <a href="/manager.html" target="_blank" rel="noopener noreferrer">
            {t('popupManager')}
          </a>
          <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/manager.html#upload') })}>
            {t('popupUploadFiles')}
          </button>
          <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
            {t('commonOptions')}
          </button>
        </div>
      </header>
      <ErrorNote error={accounts.error} />
      {accounts.data && !accounts.stale && list.length === 0 ? (
        <p class="empty">
          {t('popupNoAccounts')}{' '}
          <button type="button" class="primary" onClick={() => browser.runtime.openOptionsPage()}>
            {t('popupAddAccount')}
          </button>
        </p>
      ) : (
        <section aria-label={t('popupAccountsAtAGlance')}>
          <ul class="list small">
            {list.map((a) => (
              <li key={a.id} class="row">
                <strong class="grow">{a.label}</strong>
                <span class="muted">{a.hostId === 'xfs' ? t('popupHostCustom') : a.hostId}</span>
                {!a.enabled ? <span class="badge">{t('popupBadgeDisabled')}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      )}
      <SendUrlsForm accounts={list} defaultAccountId={settings.data?.defaultAccountId} onSent={() => void jobs.reload()} />
      <section aria-label={t('popupRecentJobs')} aria-busy={jobs.stale} style={{ marginTop: '12px' }}>
        <h2>{t('popupRecent')}</h2>
        <JobAnnouncer jobs={jobs.stale ? undefined : jobs.data} />
        <ErrorNote error={jobs.error ?? jobs.storageError} />
        {recentLinks.length ? (
          <CopyAs
            idPrefix="popup"
            count={recentLinks.length}
            items={() => recentLinks.flatMap((j) => jobLinkItem(j, labelOf(j.accountId)) ?? [])}
            notify={toast.show}
          />
        ) : null}
        <JobList
          jobs={jobs.data ?? []}
          accounts={list}
          max={10}
          onRetry={async (job) => {
            await send('jobs.retry', { id: job.id });
            await jobs.reload();
          }}
        />
      </section>
      {toast.node}
    </main>
  );
}
