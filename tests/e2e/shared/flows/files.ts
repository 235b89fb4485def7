import { expect } from 'vitest';
import type { SimFile, SimFolder } from '../../../host-sim';
import { ManagerPage } from '../pages/ManagerPage';
import { OptionsPage } from '../pages/OptionsPage';
import type { Ui } from '../driver/driver';
import type { FlowEnv } from './scope';

// Link management in the manager's Files tab, the same in every browser:
// browse folders, rename, move, copy links as BBCode (read back from the
// real clipboard, which each suite opens to the page its own way).

/** The vipstream.cc account whose files the scenario manages; login, when given, is what the host answers a connection test with. */
export interface FilesAccount {
  key: string;
  label: string;
  login?: string;
}

export class FilesScenario<U extends Ui = Ui> {
  private constructor(
    readonly env: FlowEnv<U>,
    readonly account: FilesAccount,
    /** Trips (holding Delta clip and the empty folder Beach). */
    readonly trips: SimFolder,
    /** Alpha, Beta, Gamma and Delta clip as the host holds them, by their first title. */
    readonly files: Record<string, SimFile>,
    readonly manager: ManagerPage<U>,
  ) {}

  /** Puts the folders and files on the host, adds the account in Options and opens the manager on Files. */
  static async start<U extends Ui>(env: FlowEnv<U>, account: FilesAccount): Promise<FilesScenario<U>> {
    const { sim, session } = env;
    sim.addAccount({ hostId: 'vipstream.cc', key: account.key, ...(account.login === undefined ? {} : { login: account.login }) });
    const trips = sim.addFolder('vipstream.cc', account.key, 'Trips');
    sim.addFolder('vipstream.cc', account.key, 'Beach', trips.id);
    const files: Record<string, SimFile> = {};
    for (const title of ['Alpha clip', 'Beta clip', 'Gamma clip']) files[title] = sim.addFile('vipstream.cc', account.key, { title, length: 95, views: 7 });
    files['Delta clip'] = sim.addFile('vipstream.cc', account.key, { title: 'Delta clip', folderId: trips.id });

    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'vipstream.cc', apiBase: sim.apiBase('vipstream.cc'), key: account.key, name: account.label });
    await options.save();
    await options.ui.close();
    return new FilesScenario(env, account, trips, files, await ManagerPage.open(session, 'Files'));
  }

  watchOf(code: string): string {
    return `${this.env.sim.origin}/${code}`;
  }

  async browsesFolders(): Promise<void> {
    const { manager } = this;
    await expect.poll(() => manager.fileTitles(), { timeout: 15_000 }).toEqual(['Delta clip', 'Gamma clip', 'Beta clip', 'Alpha clip']);
    await manager.folder('Trips').click();
    await expect.poll(() => manager.fileTitles()).toEqual(['Delta clip']);
    await manager.expandFolder('Trips');
    await manager.folder('Beach').click();
    await manager.ui.find({ text: 'This folder holds no files.' }).waitFor();
    await manager.folder('All files').click();
    await expect.poll(() => manager.fileTitles()).toHaveLength(4);
  }

  async renamesFile(): Promise<void> {
    const { manager, files } = this;
    await manager.openFile('Alpha clip');
    await manager.renameOpenFile('Alpha renamed');
    await expect.poll(() => manager.toast().text()).toBe('Saved Alpha renamed');
    await expect.poll(() => manager.fileTitles()).toContain('Alpha renamed');
    expect(files['Alpha clip'].title).toBe('Alpha renamed');
  }

  async movesTwoFiles(): Promise<void> {
    const { manager, files, trips } = this;
    await manager.selectFile('Beta clip');
    await manager.selectFile('Gamma clip');
    await manager.moveSelected('Trips');
    await expect.poll(() => manager.toast().text()).toBe('Moved 2 files');
    expect(files['Beta clip'].folderId).toBe(trips.id);
    expect(files['Gamma clip'].folderId).toBe(trips.id);
    expect(files['Alpha clip'].folderId).not.toBe(trips.id);
    await manager.folder('Trips').click();
    await expect.poll(() => manager.fileTitles()).toEqual(['Delta clip', 'Gamma clip', 'Beta clip']);
  }

  async copiesBbcode(): Promise<void> {
    const { manager, files } = this;
    await manager.selectFile('Beta clip');
    await manager.selectFile('Delta clip');
    await manager.copyLinksAs('BBCode');
    await expect.poll(() => manager.toast().text()).toBe('Copied 2 links as BBCode');
    expect(await manager.clipboardText()).toBe(
      [`[url=${this.watchOf(files['Delta clip'].code)}]Delta clip[/url]`, `[url=${this.watchOf(files['Beta clip'].code)}]Beta clip[/url]`].join('\n'),
    );
  }
}
