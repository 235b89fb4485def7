import { accountsItem, settingsItem } from '../storage';
import { HostError } from '../errors';
import { probeCapabilities } from '../hosts';
import type { Job } from '../queue/job';
import type { Handlers } from './router';
import { clientForAccount, ensureHostAccess, listAccounts, removeAccount, resolveInput, saveAccount } from './accounts';
import { sendUrls, type Enqueuer } from './send';

export interface JobApi extends Enqueuer {
  list(): Promise<Job[]>;
  retry(id: string): Promise<Job>;
  cancel(id: string): Promise<Job>;
  remove(id: string): Promise<boolean>;
}

export function createHandlers(jobs: JobApi): Handlers {
  return {
    'accounts.list': () => listAccounts(),
    'accounts.save': async ({ account: input }) => {
      const account = await resolveInput(input);
      if (account.hostId === 'xfs' && !account.probedCapabilities) {
        try {
          await ensureHostAccess(account);
          const client = clientForAccount(account);
          account.probedCapabilities = [...(await probeCapabilities(client.account as never, undefined, account.key))];
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
    'jobs.list': async ({ limit }) => {
      const all = (await jobs.list()).sort((a, b) => b.createdAt - a.createdAt);
      return limit ? all.slice(0, limit) : all;
    },
    'jobs.retry': ({ id }) => jobs.retry(id),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
    'jobs.remove': async ({ id }) => ({ removed: await jobs.remove(id) }),
    'remote.send': async ({ accountId, urls, options }) => {
      const account = (await accountsItem.get()).find((a) => a.id === accountId);
      if (account) await ensureHostAccess(account);
      return sendUrls(jobs, accountId, urls, options);
    },
  };
}
