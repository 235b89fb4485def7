import { useState } from 'preact/hooks';
import type { PublicAccount } from '../../lib/accounts';
import { t } from '../../lib/i18n';

/**
 * The account a view works on: the one the user picked while it stays
 * enabled, else the default account, else the first enabled one.
 */
export function useAccountChoice(accounts: PublicAccount[], defaultAccountId?: string) {
  const usable = accounts.filter((a) => a.enabled);
  const [picked, setAccountId] = useState('');
  const account = usable.find((a) => a.id === picked) ?? usable.find((a) => a.id === defaultAccountId) ?? usable[0];
  return { usable, account, accountId: account?.id ?? '', setAccountId };
}

interface Props {
  id: string;
  accounts: PublicAccount[];
  value: string;
  onChange(accountId: string): void;
  label?: string;
  class?: string;
  /** A small label that sits on the same row as the select. */
  inline?: boolean;
}

export function AccountPicker({ id, accounts, value, onChange, label = t('commonAccount'), class: className, inline }: Props) {
  return (
    <>
      <label for={id} class={inline ? 'small inline-label' : undefined}>
        {label}
      </label>
      <select id={id} class={className} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
    </>
  );
}
