import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AccountCapabilities } from '../../../lib/protocol/files';
import { errorFrom, send } from '../../../lib/messaging';
import { ErrorNote } from '../../shared/ErrorNote';
import { AccountPicker, useAccountChoice } from '../../shared/AccountPicker';
import type { UiError } from '../../hooks/useRemote';
import type { ManagerViewProps } from '../view-props';
import { unavailable } from '../files/capabilities';
import { AccountLists } from './AccountLists';
import { StatsChart, metricName, type Metric } from './StatsChart';
import type { StatsDay } from '../../../lib/hosts/types';
import '../files/files.css';
import { t } from '../../../lib/i18n';

export function AccountView({ accounts, defaultAccountId }: ManagerViewProps) {
  const { usable, accountId, setAccountId } = useAccountChoice(accounts, defaultAccountId);
  const [caps, setCaps] = useState<AccountCapabilities>();
  const [days, setDays] = useState(30);
  const [metrics, setMetrics] = useState<Metric[]>(['views', 'downloads']);
  const [stats, setStats] = useState<StatsDay[]>();
  const [error, setError] = useState<UiError>();

  useEffect(() => {
    if (!accountId) return;
    setCaps(undefined);
    setStats(undefined);
    send('account.capabilities', { accountId })
      .then(setCaps)
      .catch((e) => setError(errorFrom(e)));
  }, [accountId]);

  const statsReason = unavailable(caps, 'accountStats');
  // The days field is read when stats are asked for (its form's submit), not at every keystroke.
  const daysNow = useRef(days);
  daysNow.current = days;
  // Asks for the account the capabilities describe, so the stats always match them.
  const loadStats = useCallback(async () => {
    if (!caps || unavailable(caps, 'accountStats')) return;
    try {
      setStats(await send('account.stats', { accountId: caps.accountId, days: daysNow.current }));
      setError(undefined);
    } catch (e) {
      setError(errorFrom(e));
    }
  }, [caps]);
  // A fresh account's capabilities bring its stats.
  useEffect(() => void loadStats(), [loadStats]);

  if (usable.length === 0) {
    return (
      <section aria-label={t('acctSection')}>
        <p class="empty">
          {t('acctNoAccount')} <a href="/options.html">{t('acctAddInOptions')}</a> {t('acctNoAccountAfter')}
        </p>
      </section>
    );
  }

  const toggleMetric = (m: Metric) => setMetrics(metrics.includes(m) ? metrics.filter((x) => x !== m) : [...metrics, m]);

  return (
    <section aria-label={t('acctSection')}>
      <div class="row">
        <div>
          <AccountPicker id="account-view-account" accounts={usable} value={accountId} onChange={setAccountId} />
        </div>
      </div>
      <ErrorNote error={error} />
      <section class="panel" aria-label={t('acctStats')} style={{ marginTop: '12px' }}>
        <h2>{t('acctStats')}</h2>
        {statsReason ? (
          <p class="muted">{statsReason}</p>
        ) : (
          <>
            <form
              class="row"
              onSubmit={(e) => {
                e.preventDefault();
                void loadStats();
              }}
            >
              <div>
                <label for="stats-days">{t('acctDays')}</label>
                <input
                  id="stats-days"
                  type="number"
                  min={1}
                  max={365}
                  value={days}
                  onInput={(e) => setDays(Math.min(365, Math.max(1, Number((e.target as HTMLInputElement).value) || 1)))}
                />
              </div>
              {(['views', 'downloads', 'profit'] as Metric[]).map((m) => (
                <label key={m} class="row" style={{ fontWeight: 400, alignSelf: 'flex-end' }}>
                  <input type="checkbox" checked={metrics.includes(m)} onChange={() => toggleMetric(m)} /> {metricName(m)}
                </label>
              ))}
              <button type="submit" style={{ alignSelf: 'flex-end' }}>
                {t('acctShowStats')}
              </button>
            </form>
            {stats ? <StatsChart days={stats} metrics={metrics.length ? metrics : ['views']} /> : <p class="muted">{t('acctLoading')}</p>}
          </>
        )}
      </section>
      {caps ? <AccountLists key={accountId} accountId={accountId} caps={caps} /> : null}
    </section>
  );
}
