import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchFirefox, type FirefoxSession } from '../../browsers/firefox';
import { accountEntriesSeed } from '../../browsers/stored-accounts';
import * as reach from '../shared/flows/key-reach';

// Where keys and logins are kept, seen from a web page in Firefox. Firefox
// has no access level for storage.local: a script the extension injects
// into a page (the finder runs there, and a compromised renderer may run
// anything in its place) reads all of it. So no key and no login may be in
// storage.local: they are in the extension's own IndexedDB, which such a
// script cannot open (its IndexedDB is the page's), and which the event page
// still reads: the accounts keep working (the scenario shared with Chromium:
// tests/e2e/shared/flows/key-reach.ts).

const accounts = reach.reachAccounts('ff-');
const { media } = accounts;
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

beforeAll(async () => {
  sim = await startHostSim();
  reach.addReachAccounts(sim, accounts);
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
    const seen = await reach.readFromPage(session.scope, tabId);
    expect(seen.local).toEqual({ read: expect.objectContaining({ e2eCanary: 'visible-to-content-scripts' }) });
    await session.background((bg) => bg.browser.storage.local.remove('e2eCanary'), null);
    await page.close();
  });

  it('carries an account entry of version 1 over when the event page starts again: key and login into IndexedDB', async () => {
    // Marks the event page's window, then seeds the entry a build before this one wrote.
    await session.background(
      async (bg, seed) => {
        (bg as unknown as { e2eMark?: number }).e2eMark = 1;
        await bg.browser.storage.local.set(seed);
      },
      accountEntriesSeed([reach.versionOneEntry(sim, media)]),
    );
    await sleep(idleMs * 3);
    // The mark is gone: this is a new event page, which carried the entry over at its start.
    expect(await session.background((bg) => (bg as unknown as { e2eMark?: number }).e2eMark ?? 0, null)).toBe(0);
    await reach.expectCarriedOver(session.scope, media);
  });

  it('saves a new account with its key and login in IndexedDB, not in storage.local', async () => {
    await reach.savesAccountOutsideStorage({ session, scope: session.scope, sim }, accounts);
  });

  it('a script injected into a web page reads the accounts in storage.local, but no key or login anywhere', async () => {
    const { page, tabId } = await openWebPage();
    const seen = await reach.readFromPage(session.scope, tabId);
    const local = (seen.local as { read?: { accountEntries?: { entries?: Record<string, unknown> } } }).read;
    expect(Object.keys(local?.accountEntries?.entries ?? {}).sort()).toHaveLength(2);
    expect(seen.databases).toEqual({ read: expect.not.arrayContaining(['vidrelay-secrets']) });
    reach.expectNoSecretIn(seen, accounts);
    await page.close();
  });

  it('the event page still reaches every key: Test connection with each stored key, and a remote upload', async () => {
    await reach.reachesEveryKey({ session, scope: session.scope, sim }, accounts, 'ff-key-reach');
  });
});
