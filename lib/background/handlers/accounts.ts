import { AppError } from '../../errors';
import { getPreset, probeCapabilities } from '../../hosts';
import type { accountRequests } from '../../protocol/accounts';
import type { HandlersFor } from '../context/handlers';
import type { BackgroundContext } from '../context/context';
import { toHostAccount } from '../accounts/service';
import { hostIds } from '../../accounts';
import { accessPatternsOf } from '../../accounts/sites';

export function createAccountHandlers({ accounts, settings }: Pick<BackgroundContext, 'accounts' | 'settings'>): HandlersFor<typeof accountRequests> {
  return {
    'accounts.list': () => accounts.list(),
    'accounts.save': async ({ account: input }) => {
      const account = await accounts.resolveInput(input);
      const previous = await accounts.find(account.id);
      // A custom host is probed when first saved and whenever its address changes.
      if (!getPreset(account.hostId)?.apiBase && (!account.probedCapabilities || previous?.apiBase !== account.apiBase)) {
        try {
          await accounts.ensureAccess(account);
          account.probedCapabilities = [...(await probeCapabilities({ ...toHostAccount(account), capabilityOverrides: undefined }))];
        } catch {
          // Saving must not depend on the host answering; probing runs again on the next save.
        }
      }
      const saved = await accounts.save(account);
      await accounts.repairDefault();
      return saved;
    },
    'accounts.remove': async ({ id }) => {
      // Jobs are kept: the history of a removed account stays in the manager.
      const removed = await accounts.remove(id);
      await accounts.repairDefault();
      return { removed };
    },
    'accounts.test': async ({ account: input }) => {
      const account = await accounts.resolveInput(input);
      await accounts.ensureAccess(account);
      return accounts.testConnection(account);
    },
    'accounts.setEnabled': async ({ id, enabled }) => {
      const account = await accounts.setEnabled(id, enabled);
      await accounts.repairDefault();
      return account;
    },
    'accounts.allowSite': ({ id, site }) => accounts.allowSite(id, site),
    'accounts.accessPatterns': async ({ hostId, apiBase, allowHttp }) => {
      const host = hostIds.find((h) => h === hostId);
      return host ? accessPatternsOf({ hostId: host, apiBase: apiBase?.trim() || undefined, allowHttp: !!allowHttp }) : [];
    },
    'settings.get': () => settings.get(),
    'settings.save': async ({ defaultAccountId }) => {
      const target = defaultAccountId ? await accounts.find(defaultAccountId) : undefined;
      if (defaultAccountId && !target) throw new AppError('not_found', 'That account no longer exists.');
      if (target && !target.enabled) throw new AppError('invalid_input', `Enable ${target.label} before making it the default.`);
      return settings.update((s) => ({ ...s, defaultAccountId }));
    },
    // Pages and the background follow the stored choice (storage.onChanged): components/shared/startPage.ts, lib/background/root/language.ts.
    'settings.language': ({ language }) => settings.update((s) => ({ ...s, language })),
  };
}
