import { expect } from 'vitest';
import type { HostSim } from '../../../host-sim';
import { seededAccount, storedAccountEntries, storedAccounts, storedSecrets } from '../../../browsers/stored-accounts';
import { OptionsPage } from '../pages/OptionsPage';
import { PopupPage } from '../pages/PopupPage';
import { role, type Ui, type UiSession } from '../driver/driver';
import type { ExtensionScope } from './scope';

// Where keys and logins are kept, seen from a web page, the same in every
// browser: the keys are in the extension's own IndexedDB, never in
// storage.local, which a script injected into a page may read (Firefox has no
// access level for it). How a suite opens the page and gets to a version 1
// entry (a profile of the build before, or a restarted event page) is its own.

export interface ReachAccount {
  key: string;
  login: string;
  label: string;
}

/** A media.cm account (the one seeded as a version 1 entry) and a megamax.me one (saved from the form). */
export interface ReachAccounts {
  media: ReachAccount;
  mega: ReachAccount;
}

export interface ReachEnv<U extends Ui> {
  session: UiSession<U>;
  scope: ExtensionScope;
  sim: HostSim;
}

/** The two accounts, with keys and logins named for the suite (`prefix`), so one browser's secrets are never mistaken for another's. */
export function reachAccounts(prefix: string): ReachAccounts {
  return {
    media: { key: `${prefix}reach-media-key-1357`, login: `${prefix}reach-media-person`, label: 'Seeded media' },
    mega: { key: `${prefix}reach-mega-key-2468`, login: `${prefix}reach-mega-login`, label: 'Saved mega' },
  };
}

/** The host simulator answers each account's key with its login. */
export function addReachAccounts(sim: HostSim, { media, mega }: ReachAccounts): void {
  sim.addAccount({ hostId: 'media.cm', key: media.key, login: media.login });
  sim.addAccount({ hostId: 'megamax.me', key: mega.key, login: mega.login });
}

/** The media account as the build before stored it: an account entry of version 1, its key and login inside. */
export function versionOneEntry(sim: HostSim, media: ReachAccount) {
  return seededAccount(sim, 'acc_seeded', 'media.cm', media.label, media.key, { login: media.login });
}

/** Fails when any key or login of the accounts shows in `value`. */
export function expectNoSecretIn(value: unknown, { media, mega }: ReachAccounts): void {
  const text = JSON.stringify(value);
  for (const secret of [media.key, media.login, mega.key, mega.login]) expect(text, secret).not.toContain(secret);
}

/** The version 1 entry is carried over: version 2, without key and login, which are in IndexedDB. */
export async function expectCarriedOver(scope: ExtensionScope, media: ReachAccount): Promise<void> {
  await expect.poll(async () => ((await storedAccountEntries(scope)).acc_seeded as { version?: number })?.version, { timeout: 10_000 }).toBe(2);
  const entry = (await storedAccountEntries(scope)).acc_seeded as { data: Record<string, unknown> };
  expect(entry.data).not.toHaveProperty('key');
  expect(entry.data).not.toHaveProperty('login');
  expect(Object.values(await storedSecrets(scope))).toEqual([{ version: 1, data: { accountId: 'acc_seeded', key: media.key, login: media.login } }]);
}

/** What a script injected into the tab can read: storage.local and storage.session (or why not), and the IndexedDB databases it sees. */
export async function readFromPage(scope: ExtensionScope, tabId: number): Promise<{ local: unknown; session: unknown; databases: unknown }> {
  return scope.evaluate(async (tab) => {
    // Firefox's extension pages and content scripts have `browser`; Chrome's have only `chrome`.
    const extension = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const [result] = await extension.scripting.executeScript({
      target: { tabId: tab },
      func: async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const attempt = async (read: () => Promise<unknown>) => {
          try {
            return { read: await read() };
          } catch (error) {
            return { refused: String(error) };
          }
        };
        return {
          local: await attempt(() => api.storage.local.get(null)),
          session: await attempt(() => api.storage.session.get(null)),
          databases: await attempt(async () => (await indexedDB.databases()).map((d) => d.name)),
        };
      },
    });
    return result.result as { local: unknown; session: unknown; databases: unknown };
  }, tabId);
}

/** The mega account saved from the form has its key and login in IndexedDB, none in storage.local. */
export async function savesAccountOutsideStorage<U extends Ui>({ session, scope, sim }: ReachEnv<U>, accounts: ReachAccounts): Promise<void> {
  const { media, mega } = accounts;
  const options = await OptionsPage.open(session);
  await options.fillAccount({ host: 'megamax.me', apiBase: sim.apiBase('megamax.me'), login: mega.login, key: mega.key, name: mega.label });
  await options.save();
  await options.accounts(mega.label).waitFor();
  await options.ui.close();
  expectNoSecretIn(await scope.evaluate(() => chrome.storage.local.get(null), null), accounts);
  expect((await storedAccounts(scope)).map((a) => [a.label, a.key, a.login])).toEqual([
    [media.label, media.key, media.login],
    [mega.label, mega.key, mega.login],
  ]);
}

/** The background still reaches every key: Test connection with each stored key, and a remote upload of `videoName`. */
export async function reachesEveryKey<U extends Ui>({ session, sim }: ReachEnv<U>, { media, mega }: ReachAccounts, videoName: string): Promise<void> {
  const options = await OptionsPage.open(session);
  // The form sends no key, so the stored one is used; the host answers with the account's login only for the
  // right key. Test connection shows the user's own login in full (megamax.me's too); keys stay masked.
  for (const [label, login] of [
    [media.label, media.login],
    [mega.label, mega.login],
  ]) {
    await options.editAccount(label);
    await options.testConnection();
    await expect(options.accountInfo('login').text()).resolves.toBe(login);
    await options.ui.find(role('button', 'Cancel')).click();
  }
  await options.ui.close();

  const popup = await PopupPage.open(session);
  const video = sim.videoUrl(videoName, 16 * 1024);
  await popup.sendUrls([video], media.label);
  await expect.poll(() => popup.links().count(), { timeout: 20_000 }).toBe(1);
  expect(sim.remoteUploads.some((r) => r.url === video)).toBe(true);
  await popup.ui.close();
}
