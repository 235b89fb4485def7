import { useEffect, useState } from 'preact/hooks';
import type { ManagerViewProps } from './view-props';
import { jobStates } from '../../lib/queue/model/states';
import { errorFrom, send } from '../../lib/messaging';
import type { HealthSnapshot } from '../../lib/links/health';
import { CopyAs } from '../shared/CopyAs';
import { jobLinkItem } from '../format/linkItems';
import { useToast } from '../hooks/useToast';
import { ErrorNote } from '../shared/ErrorNote';
import { JobList, stuckAtHost } from '../shared/JobList';
import { useJobs } from '../hooks/useJobs';
import { useAction } from '../hooks/useAction';
import { useRemote } from '../hooks/useRemote';
import { removeJob } from '../hooks/removeJobs';
import { isFiltered, pageCount, pageRequest, type HistoryQuery } from './historyFilter';
import { exportHistoryCsv, exportHistoryJson } from './historyExport';
import { ClearFinished } from './ClearFinished';
import { useHostActionAccounts } from './useHostActions';
import { t, type MessageKey } from '../../lib/i18n';
import { localNumber } from '../../lib/format/local';
import { formatDate } from '../format/dates';
import type { JobState } from '../../lib/queue/model/job';
import { entriesOf, linkedJobs } from '../../lib/queue/model/group';

const stateKey: Record<JobState, MessageKey> = {
  queued: 'histStateQueued',
  sending: 'histStateSending',
  uploading: 'histStateUploading',
  encoding: 'histStateEncoding',
  ready: 'histStateReady',
  failed: 'histStateFailed',
  interrupted: 'histStateInterrupted',
};

export function HistoryView({ accounts }: ManagerViewProps) {
  const [query, setQueryState] = useState<HistoryQuery>({ text: '', accountId: '', state: '' });
  const [page, setPage] = useState(0);
  // Search, filters and paging run in the background over every job; the feed keeps this page current.
  const jobs = useJobs('jobs.page', pageRequest(query, page));
  const problemsStored = useRemote('jobs.problems', {});
  const setQuery = (next: HistoryQuery) => {
    setQueryState(next);
    setPage(0);
  };
  const shown = jobs.data?.jobs ?? [];
  const total = jobs.data?.total ?? 0;
  const stored = jobs.data?.stored ?? 0;
  const pages = pageCount(total);
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? t('jobRemovedAccount');
  const stamp = () => new Date().toISOString().slice(0, 10);
  const toast = useToast();
  const [health, setHealth] = useState<HealthSnapshot>();
  const check = useAction({ onError: (error) => toast.show(error.message, 'error') });
  const linked = linkedJobs(entriesOf(shown));
  const hostActionAccounts = useHostActionAccounts(shown.filter(stuckAtHost).map((job) => job.accountId));
  const runExport = async (kind: 'csv' | 'json', which: HistoryQuery = query) => {
    try {
      const count =
        kind === 'csv'
          ? await exportHistoryCsv(which, labelOf, `vidrelay-history-${stamp()}.csv`)
          : await exportHistoryJson(which, `vidrelay-history-${stamp()}.json`);
      toast.show(t('histExported', localNumber(count)));
    } catch (error) {
      toast.show(errorFrom(error).message, 'error');
    }
  };

  // Opening the history is how the user sees link problems, so it clears the badge. Asked once the first page
  // is in: reading every stored result (up to 50,000) keeps the background busy for a while.
  const firstPageIn = jobs.data !== undefined || jobs.error !== undefined;
  useEffect(() => {
    if (!firstPageIn) return;
    send('health.status', {})
      .then((snapshot) => {
        setHealth(snapshot);
        if (snapshot.unseen > 0) void send('health.seen', {});
      })
      .catch(() => undefined);
  }, [firstPageIn]);

  const checkLinks = () =>
    check.run(async () => {
      const snapshot = await send('health.check', { source: 'history' });
      setHealth(snapshot);
      const last = snapshot.last;
      toast.show(
        last
          ? last.unknown
            ? t('histCheckedUnknown', [localNumber(last.checked), localNumber(last.problems), localNumber(last.unknown)])
            : t('histChecked', [localNumber(last.checked), localNumber(last.problems)])
          : t('histCheckedBare'),
      );
      if (snapshot.unseen > 0) void send('health.seen', {});
    });
  const statusOf = new Map(health?.entries.map((e) => [`${e.accountId}:${e.code}`, e.status]) ?? []);
  const problems = shown.filter((j) => {
    const status = j.fileCode ? statusOf.get(`${j.accountId}:${j.fileCode}`) : undefined;
    return status === 'missing' || status === 'deleted' || status === 'dmca';
  });

  return (
    <section aria-label={t('histSection')}>
      {toast.node}
      <div class="row" style={{ marginBottom: '8px' }}>
        <div class="grow">
          <label for="history-search">{t('histSearch')}</label>
          <input id="history-search" type="search" value={query.text} onInput={(e) => setQuery({ ...query, text: (e.target as HTMLInputElement).value })} />
        </div>
        <div>
          <label for="history-account">{t('histAccount')}</label>
          <select id="history-account" value={query.accountId} onChange={(e) => setQuery({ ...query, accountId: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('histAllAccounts')}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="history-state">{t('histState')}</label>
          <select
            id="history-state"
            value={query.state}
            onChange={(e) => setQuery({ ...query, state: (e.target as HTMLSelectElement).value as HistoryQuery['state'] })}
          >
            <option value="">{t('histAllStates')}</option>
            {jobStates.map((s) => (
              <option key={s} value={s}>
                {t(stateKey[s])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="row" style={{ marginBottom: '8px' }}>
        <span class="grow muted small" data-field="history-count">
          {jobs.data ? (isFiltered(query) ? t('histCount', [localNumber(total), localNumber(stored)]) : t('histTotal', localNumber(stored))) : ''}
        </span>
        <button type="button" disabled={total === 0} onClick={() => void runExport('csv')}>
          {t('histExportCsv')}
        </button>
        <button type="button" disabled={total === 0} onClick={() => void runExport('json')}>
          {t('histExportJson')}
        </button>
        <button type="button" disabled={check.pending || stored === 0} onClick={() => void checkLinks()}>
          {check.pending ? t('histChecking') : t('histCheck')}
        </button>
      </div>
      {linked.length > 0 ? (
        <CopyAs idPrefix="history" count={linked.length} items={() => linked.flatMap((j) => jobLinkItem(j, labelOf(j.accountId)) ?? [])} notify={toast.show} />
      ) : null}
      {health?.checkedAt ? (
        <section aria-label={t('histProblems')} class={problems.length ? 'panel' : ''} style={{ margin: '8px 0' }}>
          <p class="small muted">
            {(() => {
              const when = formatDate(health.checkedAt, true);
              if (problems.length === 0) return t('histProblemsNone', when);
              return problems.length === 1 ? t('histProblemsOne', when) : t('histProblemsMany', [when, localNumber(problems.length)]);
            })()}
          </p>
          {problems.length ? (
            <ul class="list small">
              {problems.map((j) => {
                const status = statusOf.get(`${j.accountId}:${j.fileCode}`);
                return (
                  <li key={j.id} class="row" data-health={status}>
                    <span class="badge failed">{status === 'dmca' ? t('histDmca') : status === 'deleted' ? t('histDeleted') : t('histMissing')}</span>
                    <span class="grow ellipsis">{j.title ?? (j.kind === 'file' ? undefined : j.url) ?? j.fileCode}</span>
                    <span class="muted">{labelOf(j.accountId)}</span>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      ) : null}
      <ClearFinished
        disabled={stored === 0}
        exportFirst={() => runExport('csv', { text: '', accountId: '', state: '' })}
        cleared={(removed) => {
          toast.show(t('histCleared', localNumber(removed)));
          void jobs.reload();
        }}
        failed={(message) => toast.show(message, 'error')}
      />
      {problemsStored.data?.length ? (
        <p class="small error" data-field="unreadable-jobs">
          {t('histUnreadable', [localNumber(problemsStored.data.length), problemsStored.data.map((p) => `${p.id}: ${p.problem}`).join('; ')])}
        </p>
      ) : null}
      <ErrorNote error={jobs.error ?? jobs.storageError} />
      <JobList
        jobs={shown}
        accounts={accounts}
        empty={stored ? t('histNoMatch') : t('histNothingSent')}
        onRetry={async (job) => {
          await send('jobs.retry', { id: job.id });
          await jobs.reload();
        }}
        onRemove={async (job) => {
          await removeJob(job.id);
          await jobs.reload();
        }}
        canHostAction={(job) => hostActionAccounts.has(job.accountId)}
        onHostAction={async (job, action) => {
          try {
            await send('jobs.hostAction', { id: job.id, action });
            toast.show(action === 'restart' ? t('jobRestartedAtHost') : t('jobRemovedAtHost'));
          } catch (error) {
            toast.show(errorFrom(error).message, 'error');
          }
          await jobs.reload();
        }}
      />
      {pages > 1 ? (
        <nav class="row small" aria-label={t('histPageOf', [localNumber(page + 1), localNumber(pages)])} style={{ marginTop: '8px' }}>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('histPrev')}
          </button>
          <span class="muted">{t('histPageOf', [localNumber(page + 1), localNumber(pages)])}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('histNext')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
