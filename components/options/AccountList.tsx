import { useEffect, useState } from 'preact/hooks';
import type { PublicAccount } from '../../lib/accounts';
import { hostPresets } from '../../lib/hosts';
import { hasHostAccess, originsFor, requestHostAccess } from '../../lib/permissions';

interface Props {
  accounts: PublicAccount[];
  defaultAccountId?: string;
  onEdit(account: PublicAccount): void;
  onRemove(account: PublicAccount): void;
  onMakeDefault(account: PublicAccount): void;
}

function originsOf(account: PublicAccount): string[] {
  const base = account.apiBase || hostPresets.find((p) => p.id === account.hostId)?.apiBase || '';
  return originsFor(base, account.hostId);
}

function AccessButton({ account }: { account: PublicAccount }) {
  const [granted, setGranted] = useState<boolean | undefined>();
  useEffect(() => {
    void hasHostAccess(originsOf(account)).then(setGranted);
  }, [account.id, account.apiBase]);
  if (granted !== false) return null;
  return (
    <button type="button" class="primary" onClick={async () => setGranted(await requestHostAccess(originsOf(account)))}>
      Grant access
    </button>
  );
}

export function AccountList({ accounts, defaultAccountId, onEdit, onRemove, onMakeDefault }: Props) {
  if (accounts.length === 0) {
    return <p class="empty">No accounts yet. Add one below: pick the host and paste the API key from your account settings there.</p>;
  }
  return (
    <ul class="list" aria-label="Accounts">
      {accounts.map((account) => (
        <li key={account.id} data-account-id={account.id} class="row">
          <div class="grow">
            <strong>{account.label}</strong>{' '}
            {account.id === defaultAccountId ? <span class="badge ready">default</span> : null}
            {!account.enabled ? <span class="badge">disabled</span> : null}
            <div class="muted small ellipsis">
              {account.hostId === 'xfs' ? account.apiBase : account.hostId} · key {account.keyHint}
            </div>
          </div>
          <AccessButton account={account} />
          {account.id !== defaultAccountId ? (
            <button type="button" onClick={() => onMakeDefault(account)}>
              Make default
            </button>
          ) : null}
          <button type="button" onClick={() => onEdit(account)} aria-label={`Edit ${account.label}`}>
            Edit
          </button>
          <button
            type="button"
            aria-label={`Remove ${account.label}`}
            onClick={() => {
              if (confirm(`Remove ${account.label}? Its history stays.`)) onRemove(account);
            }}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
