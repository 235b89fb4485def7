import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { useRemote } from '../hooks/useRemote';
import { ErrorNote } from '../shared/ErrorNote';
import { ManagerTabs, panelId, tabId } from './ManagerTabs';
import { managerViews, type ManagerViewId } from './views';
import { shownAccounts } from '../hooks/lastShown';

function viewFromHash(): ManagerViewId {
  const id = location.hash.slice(1);
  return managerViews.find((v) => v.id === id)?.id ?? managerViews[0].id;
}

export function ManagerApp() {
  const accounts = useRemote('accounts.list', {}, undefined, false, shownAccounts);
  const settings = useRemote('settings.get', {});
  const [view, setView] = useState<ManagerViewId>(viewFromHash);

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const select = (id: string) => {
    location.hash = id;
    setView(viewFromHash());
  };

  const current = managerViews.find((v) => v.id === view) ?? managerViews[0];
  const View = current.component;
  const shown = accounts.stale && !('drawsKept' in current) ? undefined : accounts.data;
  return (
    <div style={{ maxWidth: '1100px', margin: '0 auto', padding: '16px' }}>
      <header class="row" style={{ marginBottom: '12px' }}>
        <h1 class="grow">{t('mgrTitle')}</h1>
        <a href="/options.html">{t('commonOptions')}</a>
      </header>
      <main>
        <ManagerTabs tabs={managerViews.map((v) => ({ id: v.id, label: t(v.labelKey) }))} selected={view} label={t('mgrSections')} onSelect={select} />
        <ErrorNote error={accounts.error} />
        <div role="tabpanel" id={panelId(current.id)} aria-labelledby={tabId(current.id)}>
          <View accounts={shown ?? []} defaultAccountId={settings.data?.defaultAccountId} />
        </div>
      </main>
    </div>
  );
}
