import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { FilesScenario } from '../shared/flows/files';
import * as settingsFile from '../shared/flows/settings-file';
import { OptionsPage } from '../shared/pages/OptionsPage';
import type { PuppeteerUi } from '../shared/driver/puppeteer';
import { firefoxBackground, launchFirefox, type FirefoxSession } from '../../browsers/firefox';
import { storedAccounts } from '../../browsers/stored-accounts';

// Link management and the settings file in Firefox (tests/e2e/shared/flows/files.ts
// and settings-file.ts): browse folders, rename, move, copy links as BBCode
// (read back from the real clipboard, which a pref opens), then export the
// settings with a passphrase, remove the account (its Remove button) and import it back.

const account = { key: 'ff-vip-key-0005', label: 'Vip FF', login: 'vip-user' };
const PASS = 'a good long passphrase';
let sim: HostSim;
let session: FirefoxSession;
let files: FilesScenario<PuppeteerUi>;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 300 });
  session = await launchFirefox();
  files = await FilesScenario.start({ session, sim, background: firefoxBackground(session) }, account);
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('Firefox files', () => {
  it('browses folders', () => files.browsesFolders());

  it('renames a file', () => files.renamesFile());

  it('moves two files into a folder', () => files.movesTwoFiles());

  it('copies the selection as BBCode to the clipboard', () => files.copiesBbcode());
});

describe('Firefox settings file', () => {
  let exported = '';

  it('exports with a passphrase: the key only encrypted', async () => {
    const options = await OptionsPage.open(session);
    exported = (await settingsFile.exportsWithPassphrase(options, account, PASS)).text;
    await options.ui.close();
  });

  it('imports it back after the account is removed with its Remove button, key included', async () => {
    const options = await OptionsPage.open(session);
    await options.removeAccount(account.label);
    await expect(options.accounts(account.label).count()).resolves.toBe(0);
    expect(await storedAccounts(session.scope)).toEqual([]);
    await settingsFile.importsBack(options, account, exported, PASS);
    await options.ui.close();
  });
});
