import type { AccountInfo } from '../../lib/hosts/types';
import { formatBytes } from '../format';

export function AccountInfoView({ info }: { info: AccountInfo }) {
  return (
    <div class="panel" data-testid="account-info" aria-live="polite">
      <strong class="ok">Connection works.</strong>
      <dl class="facts">
        <dt>Login</dt>
        <dd data-field="login">{info.login ?? info.email ?? '—'}</dd>
        <dt>Storage used</dt>
        <dd data-field="storage-used">{formatBytes(info.storageUsed)}</dd>
        <dt>Storage left</dt>
        <dd data-field="storage-left">{formatBytes(info.storageLeft)}</dd>
        <dt>Balance</dt>
        <dd data-field="balance">{info.balance ?? '—'}</dd>
        <dt>Premium until</dt>
        <dd data-field="premium">{info.premiumExpire ?? (info.premium ? 'yes' : '—')}</dd>
        {info.filesTotal !== undefined ? (
          <>
            <dt>Files</dt>
            <dd>{info.filesTotal}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
