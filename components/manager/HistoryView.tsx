import { useEffect, useState } from 'preact/hooks';
import type { ManagerViewProps } from './view-props';
import { jobStates } from '../../lib/queue/states';
import { historyColumns, jobToRow, jobsToCsv, toJson } from '../../lib/links/export';
import { send } from '../../lib/messaging';
import type { HealthSnapshot } from '../../lib/links/health';
import { CopyAs } from '../links/CopyAs';
import { jobLinkItem } from '../links/linkItems';
import { useToast } from '../links/useToast';
import { downloadText } from '../download';
import { ErrorNote } from '../ErrorNote';
import { JobList } from '../JobList';
import { useAction } from '../useAction';
import { useRemote } from '../useRemote';
import { filterHistory, type HistoryQuery } from './historyFilter';
import { t, type MessageKey } from '../../lib/i18n';
import type { JobState } from '../../lib/queue/job';

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
  const jobs = useRemote('jobs.list', {}, 2000);
  const [query, setQuery] = useState<HistoryQuery>({ text: '', accountId: '', state: '' });
  const shown = filterHistory(jobs.data ?? [], query);
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? t('jobRemovedAccount');
  const stamp = () => new Date().toISOString().slice(0, 10);
  const toast = useToast();
  const [health, setHealth] = useState<HealthSnapshot>();
  const check = useAction({ onError: (error) => toast.show(error.message, 'error') });
  const linked = shown.filter((j) => j.links?.watch);

  // Opening the history is how the user sees link problems, so it clears the badge.
  useEffect(() => {
    send('health.status', {})
      .then((snapshot) => {
        setHealth(snapshot);
        if (snapshot.unseen > 0) void send('health.seen', {});
      })
      .catch(() => undefined);
  }, []);

  const checkLinks = () =>
    check.run(async () => {
      const snapshot = await send('health.check', { source: 'history' });
      setHealth(snapshot);
      const last = snapshot.last;
      toast.show(
        last
          ? last.unknown
            ? t('histCheckedUnknown', [String(last.checked), String(last.problems), String(last.unknown)])
            : t('histChecked', [String(last.checked), String(last.problems)])
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
          <select id="history-state" value={query.state} onChange={(e) => setQuery({ ...query, state: (e.target as HTMLSelectElement).value as HistoryQuery['state'] })}>
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
        <span class="grow muted small">
          {t('histCount', [String(shown.length), String(jobs.data?.length ?? 0)])}
        </span>
        <button type="button" disabled={shown.length === 0} onClick={() => downloadText(`vidrelay-history-${stamp()}.csv`, jobsToCsv(shown.map((j) => jobToRow(j, labelOf(j.accountId))), historyColumns), 'text/csv')}>
          {t('histExportCsv')}
        </button>
        <button type="button" disabled={shown.length === 0} onClick={() => downloadText(`vidrelay-history-${stamp()}.json`, toJson(shown), 'application/json')}>
          {t('histExportJson')}
        </button>
        <button type="button" disabled={check.pending || !jobs.data?.some((j) => j.state === 'ready' && j.fileCode)} onClick={() => void checkLinks()}>
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
              const when = new Date(health.checkedAt).toLocaleString();
              if (problems.length === 0) return t('histProblemsNone', when);
              return problems.length === 1 ? t('histProblemsOne', when) : t('histProblemsMany', [when, String(problems.length)]);
            })()}
          </p>
          {problems.length ? (
            <ul class="list small">
              {problems.map((j) => {
                const status = statusOf.get(`${j.accountId}:${j.fileCode}`);
                return (
                  <li key={j.id} class="row" data-health={status}>
                    <span class="badge failed">{status === 'dmca' ? t('histDmca') : status === 'deleted' ? t('histDeleted') : t('histMissing')}</span>
                    <span class="grow ellipsis">{j.title ?? j.url ?? j.fileCode}</span>
                    <span class="muted">{labelOf(j.accountId)}</span>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      ) : null}
      <ErrorNote error={jobs.error} />
      <JobList
        jobs={shown}
        accounts={accounts}
        empty={jobs.data?.length ? t('histNoMatch') : t('histNothingSent')}
        onRetry={async (job) => {
          await send('jobs.retry', { id: job.id });
          await jobs.reload();
        }}
        onRemove={async (job) => {
          await send('jobs.remove', { id: job.id });
          await jobs.reload();
        }}
      />
    </section>
  );
}
