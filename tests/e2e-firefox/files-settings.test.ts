import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim, type SimFile, type SimFolder } from '../host-sim';
import { ManagerPage } from '../e2e/pages/ManagerPage';
import { OptionsPage } from '../e2e/pages/OptionsPage';
import type { PuppeteerUi } from '../e2e/ui/puppeteer';
import { fileDir, type FileDir } from './files-on-disk';
import { launchFirefox, type FirefoxSession } from './firefox';

// Link management and the settings file in Firefox: browse folders, rename,
// move, copy links as BBCode (read back from the real clipboard), then export
// the settings with a passphrase, remove the account and import it back.

const KEY = 'ff-vip-key-0005';
const LABEL = 'Vip FF';
const PASS = 'a good long passphrase';
let sim: HostSim;
let session: FirefoxSession;
let manager: ManagerPage<PuppeteerUi>;
let trips: SimFolder;
let dir: FileDir;
const files: Record<string, SimFile> = {};

beforeAll(async () => {
  dir = await fileDir();
  sim = await startHostSim({ encodeMs: 300 });
  sim.addAccount({ hostId: 'vipstream.cc', key: KEY, login: 'vip-user' });
  trips = sim.addFolder('vipstream.cc', KEY, 'Trips');
  sim.addFolder('vipstream.cc', KEY, 'Beach', trips.id);
  for (const title of ['Alpha clip', 'Beta clip', 'Gamma clip']) files[title] = sim.addFile('vipstream.cc', KEY, { title, length: 95, views: 7 });
  files['Delta clip'] = sim.addFile('vipstream.cc', KEY, { title: 'Delta clip', folderId: trips.id });

  session = await launchFirefox();
  const options = await OptionsPage.open(session);
  await options.fillAccount({ host: 'vipstream.cc', apiBase: sim.apiBase('vipstream.cc'), key: KEY, name: LABEL });
  await options.save();
  await options.ui.close();
  manager = await ManagerPage.open(session, 'Files');
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await dir?.remove();
});

const watchOf = (code: string) => `${sim.origin}/${code}`;

describe('Firefox files', () => {
  it('browses folders', async () => {
    await expect.poll(() => manager.fileTitles(), { timeout: 15_000 }).toEqual(['Delta clip', 'Gamma clip', 'Beta clip', 'Alpha clip']);
    await manager.folder('Trips').click();
    await expect.poll(() => manager.fileTitles()).toEqual(['Delta clip']);
    await manager.expandFolder('Trips');
    await manager.folder('Beach').click();
    await manager.ui.find({ text: 'This folder holds no files.' }).waitFor();
    await manager.folder('All files').click();
    await expect.poll(() => manager.fileTitles()).toHaveLength(4);
  });

  it('renames a file', async () => {
    await manager.openFile('Alpha clip');
    await manager.renameOpenFile('Alpha renamed');
    await expect.poll(() => manager.toast().text()).toBe('Saved Alpha renamed');
    await expect.poll(() => manager.fileTitles()).toContain('Alpha renamed');
    expect(files['Alpha clip'].title).toBe('Alpha renamed');
  });

  it('moves two files into a folder', async () => {
    await manager.selectFile('Beta clip');
    await manager.selectFile('Gamma clip');
    await manager.moveSelected('Trips');
    await expect.poll(() => manager.toast().text()).toBe('Moved 2 files');
    expect(files['Beta clip'].folderId).toBe(trips.id);
    expect(files['Gamma clip'].folderId).toBe(trips.id);
    await manager.folder('Trips').click();
    await expect.poll(() => manager.fileTitles()).toEqual(['Delta clip', 'Gamma clip', 'Beta clip']);
  });

  it('copies the selection as BBCode to the clipboard', async () => {
    await manager.selectFile('Beta clip');
    await manager.selectFile('Delta clip');
    await manager.copyLinksAs('BBCode');
    await expect.poll(() => manager.toast().text()).toBe('Copied 2 links as BBCode');
    expect(await manager.clipboardText()).toBe(
      [`[url=${watchOf(files['Delta clip'].code)}]Delta clip[/url]`, `[url=${watchOf(files['Beta clip'].code)}]Beta clip[/url]`].join('\n'),
    );
  });
});

describe('Firefox settings file', () => {
  let exported = '';

  it('exports with a passphrase: the key only encrypted', async () => {
    const options = await OptionsPage.open(session);
    const file = await options.exportSettingsFile(PASS);
    exported = file.text;
    expect(file.name).toMatch(/\.json$/);
    expect(exported).not.toContain(KEY);
    const parsed = JSON.parse(exported);
    expect(parsed).toMatchObject({ format: 'vidrelay-settings', version: 2 });
    expect(parsed.accounts[0]).toMatchObject({ label: LABEL });
    await expect(options.status().text()).resolves.toMatch(/Exported 1 accounts .*encrypted/);
    await options.ui.close();
  });

  it('imports it back after the account is removed, key included', async () => {
    await session.background(async (bg) => bg.browser.storage.local.remove(['accounts', 'accountEntries']), null);
    const options = await OptionsPage.open(session);
    await expect(options.accounts(LABEL).count()).resolves.toBe(0);
    await expect(options.importSettings(exported, PASS)).resolves.toMatch(/Imported 1 accounts \(1 with keys\)/);
    await expect.poll(() => options.accounts(LABEL).text()).toContain('key ••••0005');
    // The imported key works: test the connection from the edit form without retyping it.
    await options.accounts(LABEL).find({ role: 'button', name: `Edit ${LABEL}` }).click();
    await options.testConnection();
    await expect(options.accountInfo('login').text()).resolves.toBe('vip-user');
    expect(await options.page.content()).not.toContain(KEY);
    await options.ui.close();
  });
});
