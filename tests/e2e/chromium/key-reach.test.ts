import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { OptionsPage } from '../shared/pages/OptionsPage';
import { PopupPage } from '../shared/pages/PopupPage';
import { accountEntriesSeed, storedAccountEntries, storedAccounts, storedSecrets } from '../../browsers/stored-accounts';

// Where keys and logins are kept, seen from a web page: a script the
// extension injects into a page (the finder runs there, and a compromised
// renderer may run anything in its place) reads no key and no login, whether
// storage.local is refused to it (Chrome's access level) or open to it (as in
// Firefox, made so here on purpose). The keys are in the extension's own
// IndexedDB, which the background still reads: the accounts keep working.

const MEDIA = { key: 'reach-e2e-media-key-1357', login: 'reach-media-person', label: 'Seeded media' };
const MEGA = { key: 'reach-e2e-mega-key-2468', login: 'reach-mega-login', label: 'Saved mega' };
const secrets = [MEDIA.key, MEDIA.login, MEGA.key, MEGA.login];

let sim: HostSim;
let session: ExtensionSession;
let dir: string;

/** What a script injected into the page's tab can read: storage.local and storage.session (or why not), and the IndexedDB databases it sees. */
async function readFromPage(tabId: number): Promise<{ local: unknown; session: unknown; databases: unknown }> {
  const worker = await session.worker();
  return worker.evaluate(async (tab) => {
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: tab },
      func: async () => {
        const attempt = async (read: () => Promise<unknown>) => {
          try {
            return { read: await read() };
          } catch (error) {
            return { refused: String(error) };
          }
        };
        return {
          local: await attempt(() => chrome.storage.local.get(null)),
          session: await attempt(() => chrome.storage.session.get(null)),
          databases: await attempt(async () => (await indexedDB.databases()).map((d) => d.name)),
        };
      },
    });
    return result.result as { local: unknown; session: unknown; databases: unknown };
  }, tabId);
}

async function openWebPage(): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  const url = sim.pageUrl('video');
  await page.goto(url);
  const worker = await session.worker();
  const tabId = await worker.evaluate(async (u) => ((await chrome.tabs.query({})) as { id?: number; url?: string }[]).find((t) => t.url === u)?.id ?? -1, url);
  expect(tabId).toBeGreaterThan(0);
  return { page, tabId };
}

const noSecretIn = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const secret of secrets) expect(text, secret).not.toContain(secret);
};

beforeAll(async () => {
  sim = await startHostSim();
  sim.addAccount({ hostId: 'media.cm', key: MEDIA.key, login: MEDIA.login });
  sim.addAccount({ hostId: 'megamax.me', key: MEGA.key, login: MEGA.login });
  dir = await mkdtemp(join(tmpdir(), 'vidrelay-e2e-keys-'));
  // A profile of the build before: one account entry of version 1, its key (and login) inside, in storage.local.
  const before = await launchExtension({ userDataDir: dir });
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
  await (await before.worker()).evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([seeded]));
  await before.context.close();
  session = await launchExtension({ userDataDir: dir });
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('keys out of reach of web pages', () => {
  it('carries the version 1 entry over at start: its key and login into IndexedDB, the entry without them', async () => {
    const worker = await session.worker();
    await expect.poll(async () => ((await storedAccountEntries(worker)).acc_seeded as { version?: number })?.version, { timeout: 10_000 }).toBe(2);
    const entry = (await storedAccountEntries(worker)).acc_seeded as { data: Record<string, unknown> };
    expect(entry.data).not.toHaveProperty('key');
    expect(entry.data).not.toHaveProperty('login');
    expect(Object.values(await storedSecrets(worker))).toEqual([{ version: 1, data: { accountId: 'acc_seeded', key: MEDIA.key, login: MEDIA.login } }]);
    expect(await storedAccounts(worker)).toMatchObject([{ id: 'acc_seeded', key: MEDIA.key, login: MEDIA.login }]);
  });

  it('saves a new account with its key and login in IndexedDB, not in storage.local', async () => {
    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'megamax.me', apiBase: sim.apiBase('megamax.me'), login: MEGA.login, key: MEGA.key, name: MEGA.label });
    await options.save();
    await options.accounts(MEGA.label).waitFor();
    await options.ui.close();
    const worker = await session.worker();
    noSecretIn(await worker.evaluate(() => chrome.storage.local.get(null)));
    expect((await storedAccounts(worker)).map((a) => [a.label, a.key, a.login])).toEqual([
      [MEDIA.label, MEDIA.key, MEDIA.login],
      [MEGA.label, MEGA.key, MEGA.login],
    ]);
  });

  it('a script injected into a web page is refused storage.local, and reads no key or login anywhere', async () => {
    const { page, tabId } = await openWebPage();
    const seen = await readFromPage(tabId);
    expect(seen.local).toEqual({ refused: expect.stringContaining('Access to storage is not allowed from this context') });
    expect(seen.databases).toEqual({ read: expect.not.arrayContaining(['vidrelay-secrets']) });
    noSecretIn(seen);
    await page.close();
  });

  it('with storage.local opened to content scripts (as Firefox has it), the injected script reads the accounts but no key or login', async () => {
    const worker = await session.worker();
    await worker.evaluate(() => chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }));
    try {
      const { page, tabId } = await openWebPage();
      const seen = await readFromPage(tabId);
      const local = (seen.local as { read?: { accountEntries?: { entries?: Record<string, unknown> } } }).read;
      // The control: the script does read storage.local, the account entries among it.
      expect(Object.keys(local?.accountEntries?.entries ?? {}).sort()).toHaveLength(2);
      noSecretIn(seen);
      await page.close();
    } finally {
      await worker.evaluate(() => chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }));
    }
  });

  it('the background still reaches every key: Test connection with each stored key, and a remote upload', async () => {
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
      await options.page.getByRole('button', { name: 'Cancel' }).click();
    }
    await options.ui.close();

    const popup = await PopupPage.open(session);
    const video = sim.videoUrl('key-reach', 16 * 1024);
    await popup.sendUrls([video], MEDIA.label);
    await expect.poll(() => popup.links().count(), { timeout: 20_000 }).toBe(1);
    expect(sim.remoteUploads.some((r) => r.url === video)).toBe(true);
    await popup.ui.close();
  });
});
