import { useState } from 'preact/hooks';
import { hostPresets } from '../../lib/hosts';
import type { HostId, AccountInfo } from '../../lib/hosts/types';
import type { PublicAccount } from '../../lib/accounts';
import { errorFrom, send } from '../../lib/messaging';
import { originsFor, requestHostAccess } from '../../lib/permissions';
import { ErrorNote } from '../ErrorNote';
import type { UiError } from '../useRemote';
import { AccountInfoView } from './AccountInfoView';

interface Props {
  editing?: PublicAccount;
  onSaved(account: PublicAccount, granted: boolean): void;
  onCancel?(): void;
}

export function AccountForm({ editing, onSaved, onCancel }: Props) {
  const [hostId, setHostId] = useState<HostId>(editing?.hostId ?? 'media.cm');
  const [apiBase, setApiBase] = useState(editing?.apiBase ?? '');
  const [key, setKey] = useState('');
  const [login, setLogin] = useState(editing?.login ?? '');
  const [label, setLabel] = useState(editing?.label ?? '');
  const [busy, setBusy] = useState<'test' | 'save' | undefined>();
  const [info, setInfo] = useState<AccountInfo | undefined>();
  const [error, setError] = useState<UiError | undefined>();

  const preset = hostPresets.find((p) => p.id === hostId) ?? hostPresets[0];
  const input = () => ({
    id: editing?.id,
    hostId,
    label,
    apiBase: apiBase.trim() || undefined,
    key,
    login: preset.needsLogin ? login : undefined,
    enabled: editing?.enabled ?? true,
    allowHttp: editing?.allowHttp ?? false,
    defaults: editing?.defaults ?? {},
  });

  const test = async () => {
    setBusy('test');
    setError(undefined);
    setInfo(undefined);
    try {
      setInfo(await send('accounts.test', { account: input() }));
    } catch (e) {
      setError(errorFrom(e));
    } finally {
      setBusy(undefined);
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    // The permission prompt must come first, while the click still counts as a user gesture.
    let granted = false;
    try {
      granted = await requestHostAccess(originsFor(apiBase.trim() || preset.apiBase, hostId));
    } catch {
      granted = false;
    }
    setBusy('save');
    try {
      const saved = await send('accounts.save', { account: input() });
      setKey('');
      onSaved(saved, granted);
    } catch (e) {
      setError(errorFrom(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <form class="panel" onSubmit={save} aria-label={editing ? 'Edit account' : 'Add account'}>
      <h2>{editing ? `Edit ${editing.label}` : 'Add an account'}</h2>
      <label for="host">Host</label>
      <select id="host" value={hostId} disabled={!!editing} onChange={(e) => setHostId((e.target as HTMLSelectElement).value as HostId)}>
        {hostPresets.map((p) => (
          <option value={p.id} key={p.id}>
            {p.id === 'xfs' ? 'Custom XFileSharing host' : p.label}
          </option>
        ))}
      </select>
      <label for="api-base">API base URL</label>
      <input
        id="api-base"
        type="url"
        value={apiBase}
        placeholder={preset.apiBase || 'https://example.com/api'}
        required={hostId === 'xfs'}
        onInput={(e) => setApiBase((e.target as HTMLInputElement).value)}
      />
      <p class="muted small">{hostId === 'xfs' ? 'The host’s API address, ending in /api.' : 'Leave empty to use the default.'}</p>
      {preset.needsLogin ? (
        <>
          <label for="login">Login</label>
          <input id="login" type="text" autocomplete="username" value={login} onInput={(e) => setLogin((e.target as HTMLInputElement).value)} />
        </>
      ) : null}
      <label for="api-key">API key</label>
      <input
        id="api-key"
        type="password"
        autocomplete="off"
        value={key}
        placeholder={editing?.hasKey ? `${editing.keyHint} (leave empty to keep)` : 'From your account settings on the host'}
        onInput={(e) => setKey((e.target as HTMLInputElement).value)}
      />
      <label for="label">Name</label>
      <input id="label" type="text" value={label} placeholder={preset.label} onInput={(e) => setLabel((e.target as HTMLInputElement).value)} />
      <div class="row" style={{ marginTop: '12px' }}>
        <button type="button" onClick={test} disabled={!!busy}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" class="primary" disabled={!!busy}>
          Save
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <ErrorNote error={error} />
      {info ? <AccountInfoView info={info} /> : null}
    </form>
  );
}
