import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { chromiumBackground, openWebPage } from '../../browsers/chromium-worker';
import { accountEntriesSeed, storedAccounts } from '../../browsers/stored-accounts';
import type { ExtensionScope } from '../shared/flows/scope';
import * as reach from '../shared/flows/key-reach';

// Where keys and logins are kept, seen from a web page: a script the
// extension injects into a page (the finder runs there, and a compromised
// renderer may run anything in its place) reads no key and no login, whether
// storage.local is refused to it (Chrome's access level) or open to it (as in
// Firefox, made so here on purpose). The keys are in the extension's own
// IndexedDB, which the background still reads: the accounts keep working
// (the scenario shared with Firefox: tests/e2e/shared/flows/key-reach.ts).

const accounts = reach.reachAccounts('');
const { media } = accounts;

let sim: HostSim;
let session: ExtensionSession;
let scope: ExtensionScope;
let dir: string;

beforeAll(async () => {
  sim = await startHostSim();
  reach.addReachAccounts(sim, accounts);
  dir = await mkdtemp(join(tmpdir(), 'vidrelay-e2e-keys-'));
  // A profile of the build before: one account entry of version 1, its key (and login) inside, in storage.local.
  const before = await launchExtension({ userDataDir: dir });
  await (await before.worker()).evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([reach.versionOneEntry(sim, media)]));
  await before.context.close();
  session = await launchExtension({ userDataDir: dir });
  scope = chromiumBackground(session).scope;
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('keys out of reach of web pages', () => {
  it('carries the version 1 entry over at start: its key and login into IndexedDB, the entry without them', async () => {
    await reach.expectCarriedOver(scope, media);
    expect(await storedAccounts(scope)).toMatchObject([{ id: 'acc_seeded', key: media.key, login: media.login }]);
  });

  it('saves a new account with its key and login in IndexedDB, not in storage.local', async () => {
    await reach.savesAccountOutsideStorage({ session, scope, sim }, accounts);
  });

  it('a script injected into a web page is refused storage.local, and reads no key or login anywhere', async () => {
    const { page, tabId } = await openWebPage(session, sim.pageUrl('video'));
    const seen = await reach.readFromPage(scope, tabId);
    expect(seen.local).toEqual({ refused: expect.stringContaining('Access to storage is not allowed from this context') });
    expect(seen.databases).toEqual({ read: expect.not.arrayContaining(['vidrelay-secrets']) });
    reach.expectNoSecretIn(seen, accounts);
    await page.close();
  });

  it('with storage.local opened to content scripts (as Firefox has it), the injected script reads the accounts but no key or login', async () => {
    const worker = await session.worker();
    await worker.evaluate(() => chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }));
    try {
      const { page, tabId } = await openWebPage(session, sim.pageUrl('video'));
      const seen = await reach.readFromPage(scope, tabId);
      const local = (seen.local as { read?: { accountEntries?: { entries?: Record<string, unknown> } } }).read;
      // The control: the script does read storage.local, the account entries among it.
      expect(Object.keys(local?.accountEntries?.entries ?? {}).sort()).toHaveLength(2);
      reach.expectNoSecretIn(seen, accounts);
      await page.close();
    } finally {
      await worker.evaluate(() => chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }));
    }
  });

  it('the background still reaches every key: Test connection with each stored key, and a remote upload', async () => {
    await reach.reachesEveryKey({ session, scope, sim }, accounts, 'key-reach');
  });
});
