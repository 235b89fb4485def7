import type { AccountInfo } from '../../lib/hosts/types';
import { t } from '../../lib/i18n';
import { formatBytes } from '../format';

export function AccountInfoView({ info }: { info: AccountInfo }) {
  return (
    <div class="panel" data-testid="account-info" aria-live="polite" style={{ marginTop: '8px' }}>
      <strong class="ok">{t('optConnectionWorks')}</strong>
      <dl class="facts">
        <dt>{t('optInfoLogin')}</dt>
        <dd data-field="login">{info.login ?? info.email ?? '—'}</dd>
        <dt>{t('optInfoStorageUsed')}</dt>
        <dd data-field="storage-used">{formatBytes(info.storageUsed)}</dd>
        <dt>{t('optInfoStorageLeft')}</dt>
        <dd data-field="storage-left">{formatBytes(info.storageLeft)}</dd>
        <dt>{t('optInfoBalance')}</dt>
        <dd data-field="balance">{info.balance ?? '—'}</dd>
        <dt>{t('optInfoPremium')}</dt>
        <dd data-field="premium">{info.premiumExpire ?? (info.premium ? t('optYes') : '—')}</dd>
        {info.filesTotal !== undefined ? (
          <>
            <dt>{t('optInfoFiles')}</dt>
            <dd>{info.filesTotal}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
