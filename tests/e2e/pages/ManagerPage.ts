import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../browser';

// The manager tab, one section per tab: openTab(name) first, then that tab's methods.

export class ManagerPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession, tab?: string): Promise<ManagerPage> {
    const page = await session.context.newPage();
    await page.goto(session.url('manager.html'));
    await page.getByRole('heading', { name: 'VidRelay manager' }).waitFor();
    const manager = new ManagerPage(page);
    if (tab) await manager.openTab(tab);
    return manager;
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await this.page.getByRole('tabpanel', { name }).waitFor();
  }

  /** The last confirmation (role=status toast). */
  toast() {
    return this.page.getByRole('status').filter({ hasText: /\S/ });
  }

  // Files tab

  async chooseFilesAccount(label: string): Promise<void> {
    await this.page.locator('#files-account').selectOption({ label });
  }

  folder(name: string) {
    return this.page.getByRole('navigation', { name: 'Folders' }).getByRole('button', { name, exact: true });
  }

  async expandFolder(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Expand ${name}` }).click();
  }

  fileRows() {
    return this.page.getByRole('list', { name: 'Files' }).getByRole('listitem');
  }

  fileRow(title: string) {
    return this.fileRows().filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  /** Titles of the rows currently rendered, in order. */
  async fileTitles(): Promise<string[]> {
    return this.page.locator('[role="list"][aria-label="Files"] .frow button.linklike').allTextContents();
  }

  async selectFile(title: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select ${title}`, exact: true }).check();
  }

  async openFile(title: string): Promise<void> {
    await this.fileRow(title).getByRole('button', { name: title, exact: true }).click();
    await this.page.getByRole('region', { name: `File ${title}` }).waitFor();
  }

  async renameOpenFile(title: string): Promise<void> {
    await this.page.getByRole('group', { name: 'File actions' }).getByRole('button', { name: 'Edit' }).click();
    await this.page.getByLabel('Title', { exact: true }).fill(title);
    await this.page.getByRole('button', { name: 'Save changes' }).click();
  }

  async moveSelected(folderName: string): Promise<void> {
    await this.page.getByLabel('Move selected to').selectOption({ label: folderName });
    await this.page.getByRole('button', { name: 'Move selected' }).click();
  }

  /** Picks the format in the open panel (Files selection or History) and presses "Copy links". */
  async copyLinksAs(formatLabel: string): Promise<void> {
    await this.page.getByLabel('Link format').selectOption({ label: formatLabel });
    await this.page.getByRole('button', { name: 'Copy links' }).click();
  }

  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  // History tab

  async searchHistory(text: string): Promise<void> {
    await this.page.getByLabel('Search history').fill(text);
  }

  /** Presses the export button and returns the saved file's text. */
  async exportHistory(button: 'Export CSV' | 'Export JSON'): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
