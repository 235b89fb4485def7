import { useState } from 'preact/hooks';
import { AccountPicker, useAccountChoice } from '../../shared/AccountPicker';
import { useRemote } from '../../hooks/useRemote';
import type { ManagerViewProps } from '../view-props';
import { AccountFiles } from './AccountFiles';
import { noFilters, type FileFilterValues } from './FileFilters';
import './files.css';
import { t } from '../../../lib/i18n';

// The Files tab: an account picked, then its files (AccountFiles, rebuilt for each account
// so its folder, selection and open file start afresh). The filters stay across accounts.

export function FilesView({ accounts, defaultAccountId }: ManagerViewProps) {
  const { usable, accountId, setAccountId } = useAccountChoice(accounts, defaultAccountId);
  const [filters, setFilters] = useState<FileFilterValues>(noFilters);
  const caps = useRemote('account.capabilities', { accountId }, undefined, !accountId);

  if (usable.length === 0) {
    return (
      <section aria-label={t('filesSection')}>
        <p class="empty">
          {t('filesNoAccount')} <a href="/options.html">{t('filesAddInOptions')}</a> {t('filesNoAccountAfter')}
        </p>
      </section>
    );
  }

  return (
    <section aria-label={t('filesSection')}>
      <div class="row" style={{ marginBottom: '8px' }}>
        <div>
          <AccountPicker id="files-account" accounts={usable} value={accountId} onChange={setAccountId} />
        </div>
        <span class="grow" />
        {caps.data ? <span class="small muted">{caps.data.hostLabel}</span> : null}
      </div>
      <AccountFiles key={accountId} accountId={accountId} caps={caps.data} capsError={caps.error} filters={filters} onFilters={setFilters} />
    </section>
  );
}
