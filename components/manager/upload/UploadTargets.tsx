import type { PublicAccount } from '../../../lib/accounts';
import type { UploadHostInfo } from '../../../lib/accounts/upload-fit';
import { accountProblem } from '../../../lib/accounts/upload-fit';
import { t } from '../../../lib/i18n';
import { fitText } from '../../format/fitWords';
import { localNumber } from '../../../lib/format/local';

// "Upload to": one checkbox per enabled account, the default first. An
// account whose host takes no files says why and cannot be ticked.

interface Props {
  accounts: PublicAccount[];
  hosts: Record<string, UploadHostInfo> | undefined;
  value: string[];
  /** Per account: how many picked files it cannot take, to show beside it. */
  refusedCount(accountId: string): number;
  onChange(next: string[]): void;
}

export function UploadTargets({ accounts, hosts, value, refusedCount, onChange }: Props) {
  return (
    <fieldset class="upload-to">
      <legend>{t('upUploadTo')}</legend>
      {accounts.map((account) => {
        const host = hosts?.[account.id];
        const problem = host ? accountProblem(host) : undefined;
        const refused = problem ? 0 : refusedCount(account.id);
        const checked = value.includes(account.id);
        return (
          <label key={account.id} for={`upload-to-${account.id}`} data-account-id={account.id}>
            <input
              id={`upload-to-${account.id}`}
              type="checkbox"
              checked={checked && !problem}
              disabled={Boolean(problem)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                // Kept in the accounts' order, so the first ticked one stays the primary.
                onChange(accounts.map((a) => a.id).filter((id) => (id === account.id ? on : value.includes(id))));
              }}
            />
            <span>{account.label}</span>
            {host ? <span class="muted small">{host.label}</span> : null}
            {problem ? (
              <span class="small warn" data-field="reason">
                {fitText(problem)}
              </span>
            ) : refused && checked ? (
              <span class="small warn" data-field="reason">
                {refused === 1 ? t('upTargetRefusesOne') : t('upTargetRefusesMany', localNumber(refused))}
              </span>
            ) : null}
          </label>
        );
      })}
    </fieldset>
  );
}
