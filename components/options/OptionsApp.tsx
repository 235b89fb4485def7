import { useState } from 'preact/hooks';
import type { PublicAccount } from '../../lib/accounts';
import { send } from '../../lib/messaging';
import { t } from '../../lib/i18n';
import { ErrorNote, InOptions } from '../shared/ErrorNote';
import { useAction } from '../hooks/useAction';
import { useRemote } from '../hooks/useRemote';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
import { SettingsFileSection } from './SettingsFileSection';
import { UnreadableEntries } from './UnreadableEntries';
import { LanguageField } from './LanguageField';

type Notice = { text: string; tone: 'ok' | 'warn' };

export function OptionsApp() {
  const accounts = useRemote('accounts.list', {});
  const settings = useRemote('settings.get', {});
  const [editing, setEditing] = useState<PublicAccount | undefined>();
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<Notice | undefined>();

  const reload = () => Promise.all([accounts.reload(), settings.reload()]);
  const write = useAction({ after: reload });
  const closeForm = () => {
    setEditing(undefined);
    setFormKey((k) => k + 1);
  };

  return (
    <InOptions.Provider value={true}>
      <main class="page">
        <header class="row" style={{ marginBottom: '12px' }}>
          <h1 class="grow">{t('optTitle')}</h1>
          <a href="/manager.html" target="_blank" rel="noopener noreferrer">
            {t('optOpenManager')}
          </a>
        </header>
        <UnreadableEntries />
        <section aria-labelledby="accounts-heading" style={{ marginBottom: '16px' }}>
          <h2 id="accounts-heading">{t('optAccountsHeading')}</h2>
          <ErrorNote error={accounts.error ?? write.error} />
          {notice ? (
            <p role="status" class={notice.tone}>
              {notice.text}
            </p>
          ) : null}
          {accounts.data ? (
            <AccountList
              accounts={accounts.data}
              defaultAccountId={settings.data?.defaultAccountId}
              onEdit={(a) => {
                setNotice(undefined);
                setEditing(a);
                setFormKey((k) => k + 1);
                // Move focus to the form so keyboard users land where the edit happens.
                requestAnimationFrame(() => document.getElementById('label')?.focus());
              }}
              onRemove={(a) =>
                write.run(async () => {
                  await send('accounts.remove', { id: a.id });
                  if (editing?.id === a.id) closeForm();
                  setNotice({ text: t('optRemoved', a.label), tone: 'ok' });
                })
              }
              onMakeDefault={(a) => write.run(() => send('settings.save', { defaultAccountId: a.id }))}
              onSetEnabled={(a, enabled) => write.run(() => send('accounts.setEnabled', { id: a.id, enabled }))}
            />
          ) : accounts.error ? null : (
            <p class="muted" aria-busy="true">
              {t('optLoading')}
            </p>
          )}
        </section>
        <AccountForm
          key={formKey}
          editing={editing}
          onSaving={() => setNotice(undefined)}
          onSaved={(account, granted) => {
            setNotice(granted ? { text: t('optSaved', account.label), tone: 'ok' } : { text: t('optSavedNoAccess', account.label), tone: 'warn' });
            closeForm();
            void reload();
          }}
          onCancel={editing ? closeForm : undefined}
        />
        <SettingsFileSection
          onDone={(summary, tone = 'ok') => {
            setNotice({ text: summary, tone });
            closeForm();
            void reload();
          }}
        />
        <LanguageField value={settings.data?.language} />
      </main>
    </InOptions.Provider>
  );
}
