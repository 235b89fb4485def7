import { useEffect, useState } from 'preact/hooks';
import type { PublicAccount } from '../../lib/accounts';
import { hostPresets } from '../../lib/hosts';
import { hasHostAccess, requestHostAccess } from '../../lib/accounts/host-access';
import { originsFor } from '../../lib/accounts/permissions';
import { t } from '../../lib/i18n';

interface Props {
  accounts: PublicAccount[];
  defaultAccountId?: string;
  onEdit(account: PublicAccount): void;
  onRemove(account: PublicAccount): void;
  onMakeDefault(account: PublicAccount): void;
  onSetEnabled(account: PublicAccount, enabled: boolean): void;
}

function originsOf(hostId: PublicAccount['hostId'], apiBase: string | undefined): string[] {
  const base = apiBase || hostPresets.find((p) => p.id === hostId)?.apiBase || '';
  return originsFor(base, hostId);
}

function AccessButton({ account }: { account: PublicAccount }) {
  const { hostId, apiBase } = account;
  // The background's patterns (its public suffix list); the narrow fallback only for an account from before them.
  const patterns = account.accessPatterns?.length ? account.accessPatterns : originsOf(hostId, apiBase);
  const key = patterns.join(' ');
  const [granted, setGranted] = useState<boolean | undefined>();
  // Asked again only when the account's address changes, not for every new account object.
  useEffect(() => {
    void hasHostAccess(key.split(' ')).then(setGranted);
  }, [key]);
  if (granted !== false) return null;
  return (
    <button
      type="button"
      class="primary"
      title={t('optGrantAccessTitle', patterns[0] ?? '')}
      onClick={async () => setGranted(await requestHostAccess(patterns))}
    >
      {t('optGrantAccess')}
    </button>
  );
}

function hostName(account: PublicAccount): string {
  if (!hostPresets.find((p) => p.id === account.hostId)?.apiBase) return account.apiBase ?? '';
  return hostPresets.find((p) => p.id === account.hostId)?.label ?? account.hostId;
}

export function AccountList({ accounts, defaultAccountId, onEdit, onRemove, onMakeDefault, onSetEnabled }: Props) {
  if (accounts.length === 0) {
    return <p class="empty">{t('optNoAccounts')}</p>;
  }
  return (
    <ul class="list" aria-label={t('optAccountsList')}>
      {accounts.map((account) => (
        <li key={account.id} data-account-id={account.id} data-enabled={String(account.enabled)} class={`row${account.enabled ? '' : ' dimmed'}`}>
          <div class="grow">
            <strong>{account.label}</strong> {account.id === defaultAccountId ? <span class="badge ready">{t('optBadgeDefault')}</span> : null}
            {!account.enabled ? <span class="badge">{t('optBadgeDisabled')}</span> : null}
            {!account.hasKey ? <span class="badge failed">{t('optBadgeNoKey')}</span> : null}
            <div class="muted small ellipsis">
              {hostName(account)} · {account.hasKey ? t('optKeyHint', account.keyHint) : t('optNoKeyHint')}
            </div>
          </div>
          <AccessButton account={account} />
          {account.id !== defaultAccountId && account.enabled ? (
            <button type="button" onClick={() => onMakeDefault(account)}>
              {t('optMakeDefault')}
            </button>
          ) : null}
          <button
            type="button"
            aria-pressed={!account.enabled}
            aria-label={account.enabled ? t('optDisableFor', account.label) : t('optEnableFor', account.label)}
            onClick={() => onSetEnabled(account, !account.enabled)}
          >
            {account.enabled ? t('optDisable') : t('optEnable')}
          </button>
          <button type="button" onClick={() => onEdit(account)} aria-label={t('optEditFor', account.label)}>
            {t('optEdit')}
          </button>
          <button
            type="button"
            aria-label={t('optRemoveFor', account.label)}
            onClick={() => {
              if (confirm(t('optRemoveConfirm', account.label))) onRemove(account);
            }}
          >
            {t('optRemove')}
          </button>
        </li>
      ))}
    </ul>
  );
}
