import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { useRemote } from '../hooks/useRemote';
import { ErrorNote } from '../shared/ErrorNote';
import { managerViews, type ManagerViewId } from './views';

function viewFromHash(): ManagerViewId {
  const id = location.hash.slice(1);
  return managerViews.find((v) => v.id === id)?.id ?? managerViews[0].id;
}

export function ManagerApp() {
  const accounts = useRemote('accounts.list', {});
  const settings = useRemote('settings.get', {});
  const [view, setView] = useState<ManagerViewId>(viewFromHash);

  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const current = managerViews.find((v) => v.id === view) ?? managerViews[0];
  const View = current.component;
  return (
    <div style={{ maxWidth: '1100px', margin: '0 auto', padding: '16px' }}>
      <header class="row" style={{ marginBottom: '12px' }}>
        <h1 class="grow">{t('mgrTitle')}</h1>
        <a href="/options.html">{t('commonOptions')}</a>
      </header>
      <main>
        <div role="tablist" aria-label={t('mgrSections')} class="row" style={{ marginBottom: '12px' }}>
          {managerViews.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              aria-selected={v.id === view}
              class={v.id === view ? 'primary' : ''}
              onClick={() => {
                location.hash = v.id;
                setView(v.id);
              }}
            >
              {v.label}
            </button>
          ))}
        </div>
        <ErrorNote error={accounts.error} />
        <div role="tabpanel" aria-label={current.label}>
          <View accounts={accounts.data ?? []} defaultAccountId={settings.data?.defaultAccountId} />
        </div>
      </main>
    </div>
  );
}
