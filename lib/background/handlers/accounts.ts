import { accountsItem, settingsItem } from '../../storage';
import { HostError } from '../../errors';
import { probeCapabilities } from '../../hosts';
import type { accountRequests } from '../../protocol/accounts';
import type { HandlersFor } from '../router';
import {
  clientForAccount,
  ensureHostAccess,
  toHostAccount,
  listAccounts,
  removeAccount,
  repairDefault,
  resolveInput,
  saveAccount,
  setAccountEnabled,
} from '../accounts';

export function createAccountHandlers(): HandlersFor<typeof accountRequests> {
  return {
    'accounts.list': () => listAccounts(),
    'accounts.save': async ({ account: input }) => {
      const account = await resolveInput(input);
      const previous = (await accountsItem.get()).find((a) => a.id === account.id);
      // A custom host is probed when first saved and whenever its address changes.
      if (account.hostId === 'xfs' && (!account.probedCapabilities || previous?.apiBase !== account.apiBase)) {
        try {
          await ensureHostAccess(account);
          account.probedCapabilities = [...(await probeCapabilities({ ...toHostAccount(account), capabilityOverrides: undefined }))];
        } catch {
          // Saving must not depend on the host answering; probing runs again on the next save.
        }
      }
      const saved = await saveAccount(account);
      await repairDefault();
      return saved;
    },
    'accounts.remove': async ({ id }) => {
      // Jobs are kept: the history of a removed account stays in the manager.
      const removed = await removeAccount(id);
      await repairDefault();
      return { removed };
    },
    'accounts.test': async ({ account: input }) => {
      const account = await resolveInput(input);
      await ensureHostAccess(account);
      return clientForAccount(account).accountInfo();
    },
    'accounts.setEnabled': async ({ id, enabled }) => {
      const account = await setAccountEnabled(id, enabled);
      await repairDefault();
      return account;
    },
    'settings.get': () => settingsItem.get(),
    'settings.save': async ({ defaultAccountId }) => {
      const target = defaultAccountId ? (await accountsItem.get()).find((a) => a.id === defaultAccountId) : undefined;
      if (defaultAccountId && !target) throw new HostError('not_found', 'That account no longer exists.');
      if (target && !target.enabled) throw new HostError('invalid_input', `Enable ${target.label} before making it the default.`);
      return settingsItem.update((s) => ({ ...s, defaultAccountId }));
    },
  };
}
