import { useState } from 'preact/hooks';
import type { ManagerViewProps } from './views';
import { jobStates } from '../../lib/queue/states';
import { historyColumns, jobToRow, jobsToCsv, toJson } from '../../lib/links/export';
import { send } from '../../lib/messaging';
import { downloadText } from '../download';
import { ErrorNote } from '../ErrorNote';
import { JobList } from '../JobList';
import { useRemote } from '../useRemote';
import { filterHistory, type HistoryQuery } from './historyFilter';

export function HistoryView({ accounts }: ManagerViewProps) {
  const jobs = useRemote('jobs.list', {}, 2000);
  const [query, setQuery] = useState<HistoryQuery>({ text: '', accountId: '', state: '' });
  const shown = filterHistory(jobs.data ?? [], query);
  const labelOf = (id: string) => accounts.find((a) => a.id === id)?.label ?? 'removed account';
  const stamp = () => new Date().toISOString().slice(0, 10);

  return (
    <section aria-label="History">
      <div class="row" style={{ marginBottom: '8px' }}>
        <div class="grow">
          <label for="history-search">Search history</label>
          <input id="history-search" type="search" value={query.text} onInput={(e) => setQuery({ ...query, text: (e.target as HTMLInputElement).value })} />
        </div>
        <div>
          <label for="history-account">Account</label>
          <select id="history-account" value={query.accountId} onChange={(e) => setQuery({ ...query, accountId: (e.target as HTMLSelectElement).value })}>
            <option value="">All accounts</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="history-state">State</label>
          <select id="history-state" value={query.state} onChange={(e) => setQuery({ ...query, state: (e.target as HTMLSelectElement).value as HistoryQuery['state'] })}>
            <option value="">All states</option>
            {jobStates.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="row" style={{ marginBottom: '8px' }}>
        <span class="grow muted small">
          {shown.length} of {jobs.data?.length ?? 0} jobs
        </span>
        <button type="button" disabled={shown.length === 0} onClick={() => downloadText(`vidrelay-history-${stamp()}.csv`, jobsToCsv(shown.map((j) => jobToRow(j, labelOf(j.accountId))), historyColumns), 'text/csv')}>
          Export CSV
        </button>
        <button type="button" disabled={shown.length === 0} onClick={() => downloadText(`vidrelay-history-${stamp()}.json`, toJson(shown), 'application/json')}>
          Export JSON
        </button>
      </div>
      <ErrorNote error={jobs.error} />
      <JobList
        jobs={shown}
        accounts={accounts}
        empty={jobs.data?.length ? 'No job matches.' : 'Nothing sent yet. Jobs you send appear here.'}
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
