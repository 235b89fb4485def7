import { accountsItem, settingsItem } from '../../storage';
import { HostError } from '../../errors';
import { probeCapabilities } from '../../hosts';
import type { accountRequests } from '../../protocol/accounts';
import type { HandlersFor } from '../router';
import { clientForAccount, ensureHostAccess, toHostAccount, listAccounts, removeAccount, resolveInput, saveAccount } from '../accounts';

export function createAccountHandlers(): HandlersFor<typeof accountRequests> {
  return {
    'accounts.list': () => listAccounts(),
    'accounts.save': async ({ account: input }) => {
      const account = await resolveInput(input);
      if (account.hostId === 'xfs' && !account.probedCapabilities) {
        try {
          await ensureHostAccess(account);
          account.probedCapabilities = [...(await probeCapabilities({ ...toHostAccount(account), capabilityOverrides: undefined }))];
        } catch {
          // Saving must not depend on the host answering; probing runs again on the next save.
        }
      }
      const saved = await saveAccount(account);
      const settings = await settingsItem.get();
      if (!settings.defaultAccountId) await settingsItem.set({ ...settings, defaultAccountId: saved.id });
      return saved;
    },
    'accounts.remove': async ({ id }) => {
      const removed = await removeAccount(id);
      await settingsItem.update((s) => (s.defaultAccountId === id ? { ...s, defaultAccountId: undefined } : s));
      return { removed };
    },
    'accounts.test': async ({ account: input }) => {
      const account = await resolveInput(input);
      await ensureHostAccess(account);
      return clientForAccount(account).accountInfo();
    },
    'settings.get': () => settingsItem.get(),
    'settings.save': async ({ defaultAccountId }) => {
      if (defaultAccountId && !(await accountsItem.get()).some((a) => a.id === defaultAccountId)) {
        throw new HostError('not_found', 'That account no longer exists.');
      }
      return settingsItem.update((s) => ({ ...s, defaultAccountId }));
    },
  };
}
