import { useState } from 'preact/hooks';
import type { PublicAccount } from '../../lib/accounts';
import { errorFrom, send } from '../../lib/messaging';
import { ErrorNote } from '../ErrorNote';
import { useRemote, type UiError } from '../useRemote';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';

export function OptionsApp() {
  const accounts = useRemote('accounts.list', {});
  const settings = useRemote('settings.get', {});
  const [editing, setEditing] = useState<PublicAccount | undefined>();
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<UiError | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(errorFrom(e));
    }
    await Promise.all([accounts.reload(), settings.reload()]);
  };

  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '16px' }}>
      <header class="row" style={{ marginBottom: '12px' }}>
        <h1 class="grow">VidRelay options</h1>
        <a href="/manager.html" target="_blank">
          Open manager
        </a>
      </header>
      <section aria-labelledby="accounts-heading" style={{ marginBottom: '16px' }}>
        <h2 id="accounts-heading">Accounts</h2>
        <ErrorNote error={accounts.error ?? error} />
        {notice ? <p role="status" class={notice.includes('Grant') ? 'warn' : 'ok'}>{notice}</p> : null}
        <AccountList
          accounts={accounts.data ?? []}
          defaultAccountId={settings.data?.defaultAccountId}
          onEdit={(a) => {
            setEditing(a);
            setFormKey((k) => k + 1);
          }}
          onRemove={(a) => run(() => send('accounts.remove', { id: a.id }))}
          onMakeDefault={(a) => run(() => send('settings.save', { defaultAccountId: a.id }))}
        />
      </section>
      <AccountForm
        key={formKey}
        editing={editing}
        onSaved={(account, granted) => {
          setNotice(granted ? `Saved ${account.label}.` : `Saved ${account.label}, but VidRelay may not reach this host until you press "Grant access".`);
          setEditing(undefined);
          setFormKey((k) => k + 1);
          void accounts.reload();
          void settings.reload();
        }}
        onCancel={editing ? () => { setEditing(undefined); setFormKey((k) => k + 1); } : undefined}
      />
    </main>
  );
}
