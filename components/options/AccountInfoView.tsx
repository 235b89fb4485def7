import type { AccountInfo } from '../../lib/hosts/types';
import { t, uiLanguage } from '../../lib/i18n';
import { formatBytes } from '../format/values';
import { formatDate, isPast } from '../format/dates';

/** "Premium until" in the user's locale, marked when it is over; a host's text that is no date stays as sent. */
function premiumText(info: AccountInfo): string {
  if (!info.premiumExpire) return info.premium ? t('optYes') : '—';
  const when = formatDate(info.premiumExpire);
  return isPast(info.premiumExpire) ? t('optInfoPremiumExpired', when) : when;
}

export function AccountInfoView({ info }: { info: AccountInfo }) {
  return (
    <div class="panel" data-testid="account-info" aria-live="polite" style={{ marginTop: '8px' }}>
      <strong class="ok">{t('optConnectionWorks')}</strong>
      <dl class="facts">
        {/* Some hosts (mp4upload.com) send only an email: it is shown as the email, not as a login. */}
        {info.login ? (
          <>
            <dt>{t('optInfoLogin')}</dt>
            <dd data-field="login">{info.login}</dd>
          </>
        ) : null}
        {info.email ? (
          <>
            <dt>{t('optInfoEmail')}</dt>
            <dd data-field="email">{info.email}</dd>
          </>
        ) : null}
        <dt>{t('optInfoStorageUsed')}</dt>
        <dd data-field="storage-used">{formatBytes(info.storageUsed)}</dd>
        <dt>{t('optInfoStorageLeft')}</dt>
        <dd data-field="storage-left">{formatBytes(info.storageLeft)}</dd>
        <dt>{t('optInfoBalance')}</dt>
        <dd data-field="balance">{info.balance ?? '—'}</dd>
        <dt>{t('optInfoPremium')}</dt>
        <dd data-field="premium" class={isPast(info.premiumExpire) ? 'warn' : undefined} data-expired={isPast(info.premiumExpire) ? '' : undefined}>
          {premiumText(info)}
        </dd>
        {info.filesTotal !== undefined ? (
          <>
            <dt>{t('optInfoFiles')}</dt>
            <dd>{info.filesTotal.toLocaleString(uiLanguage())}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
