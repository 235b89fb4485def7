import { useState } from 'preact/hooks';
import { hostPresets } from '../../lib/hosts';
import type { HostId, AccountInfo } from '../../lib/hosts/types';
import type { Account, PublicAccount } from '../../lib/accounts';
import { send } from '../../lib/messaging';
import { useRemote } from '../hooks/useRemote';
import { requestHostAccess } from '../../lib/accounts/host-access';
import { originsFor } from '../../lib/accounts/permissions';
import { t } from '../../lib/i18n';
import { ErrorNote } from '../shared/ErrorNote';
import { useAction } from '../hooks/useAction';
import { AccountInfoView } from './AccountInfoView';
import { AccountDefaultsFields } from './AccountDefaultsFields';
import { AccountAdvancedFields, type AdvancedValue } from './AccountAdvancedFields';
import { HostPicker } from './HostPicker';
import { KeyWhere } from './KeyWhere';

interface Props {
  editing?: PublicAccount;
  /** A save began: an earlier "Saved" notice no longer speaks of this form. */
  onSaving?(): void;
  onSaved(account: PublicAccount, granted: boolean): void;
  onCancel?(): void;
}

export function AccountForm({ editing, onSaving, onSaved, onCancel }: Props) {
  const [hostId, setHostId] = useState<HostId>(editing?.hostId ?? 'media.cm');
  const [apiBase, setApiBase] = useState(editing?.apiBase ?? '');
  const [key, setKey] = useState('');
  const [login, setLogin] = useState(editing?.login ?? '');
  const [label, setLabel] = useState(editing?.label ?? '');
  const [enabled, setEnabled] = useState(editing?.enabled ?? true);
  const [defaults, setDefaults] = useState<Account['defaults']>(editing?.defaults ?? {});
  const [advanced, setAdvanced] = useState<AdvancedValue>({
    linkTemplates: editing?.linkTemplates,
    allowHttp: editing?.allowHttp ?? false,
    capabilityOverrides: editing?.capabilityOverrides,
  });
  // Which write is running, for the button's own "Testing…" label; pending and the error are the action's.
  const [doing, setDoing] = useState<'test' | 'save' | undefined>();
  const [info, setInfo] = useState<AccountInfo | undefined>();
  const write = useAction();
  const busy = write.pending ? doing : undefined;

  const preset = hostPresets.find((p) => p.id === hostId) ?? hostPresets[0];
  const input = () => ({
    id: editing?.id,
    hostId,
    label,
    apiBase: apiBase.trim() || undefined,
    key,
    login: preset.needsLogin ? login : undefined,
    enabled,
    defaults,
    ...advanced,
  });

  // The sites to ask the browser for come from the background, which knows the public suffix list.
  const access = useRemote('accounts.accessPatterns', { hostId, apiBase: apiBase.trim() || undefined, allowHttp: advanced.allowHttp });

  const test = () => {
    setDoing('test');
    setInfo(undefined);
    void write.run(async () => setInfo(await send('accounts.test', { account: input() })));
  };

  const save = (event: Event) => {
    event.preventDefault();
    // The permission prompt must come first, while the click still counts as a user gesture:
    // the patterns the background worked out for these fields, or the narrow fallback while it has not answered.
    const origins = access.data?.length ? access.data : originsFor(apiBase.trim() || preset.apiBase, hostId, advanced.allowHttp);
    const grant = requestHostAccess(origins).catch(() => false);
    setDoing('save');
    onSaving?.();
    void write.run(async () => {
      const granted = await grant;
      const saved = await send('accounts.save', { account: input() });
      setKey('');
      onSaved(saved, granted);
    });
  };

  return (
    <form class="panel" onSubmit={save} aria-label={editing ? t('optEditAccountForm') : t('optAddAccountForm')}>
      <h2>{editing ? t('optEditHeading', editing.label) : t('optAddHeading')}</h2>
      <HostPicker value={hostId} disabled={!!editing} onChange={setHostId} />
      <label for="api-base">{t('optApiBase')}</label>
      <input
        id="api-base"
        type="url"
        value={apiBase}
        placeholder={preset.apiBase || 'https://example.com/api'}
        required={!preset.apiBase}
        aria-describedby="api-base-help"
        onInput={(e) => setApiBase((e.target as HTMLInputElement).value)}
      />
      <p id="api-base-help" class="muted small">
        {!preset.apiBase ? t('optApiBaseHelpCustom') : t('optApiBaseHelp')}
      </p>
      {preset.needsLogin ? (
        <>
          <label for="login">{preset.loginKind === 'email' ? t('optLoginEmail') : t('optLogin')}</label>
          <input id="login" type="text" autocomplete="username" value={login} onInput={(e) => setLogin((e.target as HTMLInputElement).value)} />
        </>
      ) : null}
      <label for="api-key">{t('optApiKey')}</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        value={key}
        placeholder={editing?.hasKey ? t('optKeyKeep', editing.keyHint) : t('optKeyPlaceholder')}
        aria-describedby={preset.keyHelp || preset.keyPage ? 'api-key-help' : undefined}
        onInput={(e) => setKey((e.target as HTMLInputElement).value)}
      />
      <KeyWhere preset={preset} id="api-key-help" />
      <label for="label">{t('optName')}</label>
      <input id="label" type="text" value={label} placeholder={preset.label} onInput={(e) => setLabel((e.target as HTMLInputElement).value)} />
      <label class="check" for="account-enabled">
        <input id="account-enabled" type="checkbox" checked={enabled} onChange={(e) => setEnabled((e.target as HTMLInputElement).checked)} /> {t('optEnabled')}
      </label>
      <AccountDefaultsFields accountId={editing?.id} value={defaults} onChange={setDefaults} />
      <AccountAdvancedFields
        preset={preset}
        probed={!preset.apiBase && editing !== undefined && apiBase.trim() === (editing.apiBase ?? '') ? editing.probedCapabilities : undefined}
        value={advanced}
        onChange={setAdvanced}
      />
      <div class="row" style={{ marginTop: '12px' }}>
        <button type="button" onClick={test} disabled={!!busy}>
          {busy === 'test' ? t('optTesting') : t('optTestConnection')}
        </button>
        <button type="submit" class="primary" disabled={!!busy || (!access.data && !access.error)}>
          {t('optSave')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('optCancel')}
          </button>
        ) : null}
      </div>
      <ErrorNote error={write.error} />
      {info ? <AccountInfoView info={info} /> : null}
    </form>
  );
}
