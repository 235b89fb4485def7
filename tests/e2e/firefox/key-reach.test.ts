import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { OptionsPage } from '../shared/pages/OptionsPage';
import { role } from '../shared/driver/driver';
import { PopupPage } from '../shared/pages/PopupPage';
import { launchFirefox, type FirefoxSession } from '../../browsers/firefox';
import { accountEntriesSeed, storedAccountEntries, storedAccounts, storedSecrets } from '../../browsers/stored-accounts';

// Where keys and logins are kept, seen from a web page in Firefox. Firefox
// has no access level for storage.local: a script the extension injects
// into a page (the finder runs there, and a compromised renderer may run
// anything in its place) reads all of it. So no key and no login may be in
// storage.local: they are in the extension's own IndexedDB, which such a
// script cannot open (its IndexedDB is the page's), and which the event page
// still reads: the accounts keep working.

const MEDIA = { key: 'ff-reach-media-key-1357', login: 'ff-reach-media-person', label: 'Seeded media' };
const MEGA = { key: 'ff-reach-mega-key-2468', login: 'ff-reach-mega-login', label: 'Saved mega' };
const secrets = [MEDIA.key, MEDIA.login, MEGA.key, MEGA.login];
/** The event page is unloaded after this long idle, so the test sees it start again on the stored data. */
const idleMs = 2000;

let sim: HostSim;
let session: FirefoxSession;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openWebPage(): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.newPage();
  const url = sim.pageUrl('video');
  // page.goto never resolves in Firefox over BiDi: navigate the browsing context itself (as tests/browsers/firefox.ts does).
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> } };
  await frame.browsingContext.navigate(url, 'complete');
  const tabId = await session.background(async (bg, u) => (await bg.browser.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
  expect(tabId).toBeGreaterThan(0);
  return { page, tabId };
}

/** What a script injected into the page's tab can read: storage.local and storage.session (or why not), and the IndexedDB databases it sees. */
async function readFromPage(tabId: number): Promise<{ local: unknown; session: unknown; databases: unknown }> {
  return session.background(async (bg, tab) => {
    const [result] = await bg.browser.scripting.executeScript({
      target: { tabId: tab },
      func: async () => {
        const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
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

const noSecretIn = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const secret of secrets) expect(text, secret).not.toContain(secret);
};

beforeAll(async () => {
  sim = await startHostSim();
  sim.addAccount({ hostId: 'media.cm', key: MEDIA.key, login: MEDIA.login });
  sim.addAccount({ hostId: 'megamax.me', key: MEGA.key, login: MEGA.login });
  session = await launchFirefox({ idleTimeout: idleMs });
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('Firefox: keys out of reach of web pages', () => {
  it('control: a script injected into a web page reads storage.local (Firefox has no access level for it)', async () => {
    await session.background((bg) => bg.browser.storage.local.set({ e2eCanary: 'visible-to-content-scripts' }), null);
    const { page, tabId } = await openWebPage();
    const seen = await readFromPage(tabId);
    expect(seen.local).toEqual({ read: expect.objectContaining({ e2eCanary: 'visible-to-content-scripts' }) });
    await session.background((bg) => bg.browser.storage.local.remove('e2eCanary'), null);
    await page.close();
  });

  it('carries an account entry of version 1 over when the event page starts again: key and login into IndexedDB', async () => {
    const seeded = {
      id: 'acc_seeded',
      hostId: 'media.cm',
      label: MEDIA.label,
      apiBase: sim.apiBase('media.cm'),
      key: MEDIA.key,
      login: MEDIA.login,
      enabled: true,
      allowHttp: false,
      defaults: {},
      createdAt: 1_700_000_000_000,
    };
    // Marks the event page's window, then seeds the entry a build before this one wrote.
    await session.background(
      async (bg, seed) => {
        (bg as unknown as { e2eMark?: number }).e2eMark = 1;
        await bg.browser.storage.local.set(seed);
      },
      accountEntriesSeed([seeded]),
    );
    await sleep(idleMs * 3);
    // The mark is gone: this is a new event page, which carried the entry over at its start.
    expect(await session.background((bg) => (bg as unknown as { e2eMark?: number }).e2eMark ?? 0, null)).toBe(0);
    await expect.poll(async () => ((await storedAccountEntries(session.scope)).acc_seeded as { version?: number })?.version, { timeout: 10_000 }).toBe(2);
    const entry = (await storedAccountEntries(session.scope)).acc_seeded as { data: Record<string, unknown> };
    expect(entry.data).not.toHaveProperty('key');
    expect(entry.data).not.toHaveProperty('login');
    expect(Object.values(await storedSecrets(session.scope))).toEqual([{ version: 1, data: { accountId: 'acc_seeded', key: MEDIA.key, login: MEDIA.login } }]);
  });

  it('saves a new account with its key and login in IndexedDB, not in storage.local', async () => {
    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'megamax.me', apiBase: sim.apiBase('megamax.me'), login: MEGA.login, key: MEGA.key, name: MEGA.label });
    await options.save();
    await options.accounts(MEGA.label).waitFor();
    await options.ui.close();
    noSecretIn(await session.background((bg) => bg.browser.storage.local.get(null), null));
    expect((await storedAccounts(session.scope)).map((a) => [a.label, a.key, a.login])).toEqual([
      [MEDIA.label, MEDIA.key, MEDIA.login],
      [MEGA.label, MEGA.key, MEGA.login],
    ]);
  });

  it('a script injected into a web page reads the accounts in storage.local, but no key or login anywhere', async () => {
    const { page, tabId } = await openWebPage();
    const seen = await readFromPage(tabId);
    const local = (seen.local as { read?: { accountEntries?: { entries?: Record<string, unknown> } } }).read;
    expect(Object.keys(local?.accountEntries?.entries ?? {}).sort()).toHaveLength(2);
    expect(seen.databases).toEqual({ read: expect.not.arrayContaining(['vidrelay-secrets']) });
    noSecretIn(seen);
    await page.close();
  });

  it('the event page still reaches every key: Test connection with each stored key, and a remote upload', async () => {
    const options = await OptionsPage.open(session);
    // The form sends no key, so the stored one is used; the host answers with the account's login only for the
    // right key. megamax.me is sent the stored login too, and host text is scrubbed of it (*** shows).
    for (const [label, login] of [
      [MEDIA.label, MEDIA.login],
      [MEGA.label, '***'],
    ]) {
      await options.editAccount(label);
      await options.testConnection();
      await expect(options.accountInfo('login').text()).resolves.toBe(login);
      await options.ui.find(role('button', 'Cancel')).click();
    }
    await options.ui.close();

    const popup = await PopupPage.open(session);
    const video = sim.videoUrl('ff-key-reach', 16 * 1024);
    await popup.sendUrls([video], MEDIA.label);
    await expect.poll(() => popup.links().count(), { timeout: 20_000 }).toBe(1);
    expect(sim.remoteUploads.some((r) => r.url === video)).toBe(true);
    await popup.ui.close();
  });
});
