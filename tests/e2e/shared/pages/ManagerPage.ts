import { css, label, role, type Ui, type UiSession } from '../driver/driver';

// The manager tab, one section per tab: openTab(name) first, then that tab's methods.

export class ManagerPage<U extends Ui = Ui> {
  constructor(readonly ui: U) {}

  /** The browser driver's own page, for what only one suite does. */
  get page(): U extends { page: infer P } ? P : never {
    return (this.ui as unknown as { page: never }).page;
  }

  static async open<U extends Ui>(session: UiSession<U>, tab?: string): Promise<ManagerPage<U>> {
    const ui = await session.open('manager.html');
    await ui.find(role('heading', 'VidRelay manager')).waitFor();
    const manager = new ManagerPage(ui);
    if (tab) await manager.openTab(tab);
    return manager;
  }

  async openTab(name: string): Promise<void> {
    await this.ui.find(role('tab', name)).click();
    await this.ui.find(role('tabpanel', name)).waitFor();
  }

  /** The last confirmation (role=status toast). */
  toast() {
    return this.ui.find(css('[role="status"]', /\S/));
  }

  // Files tab

  async chooseFilesAccount(accountLabel: string): Promise<void> {
    await this.ui.find(css('#files-account')).select({ label: accountLabel });
  }

  folder(name: string) {
    return this.ui.find(role('navigation', 'Folders'), role('button', name));
  }

  async expandFolder(name: string): Promise<void> {
    await this.ui.find(role('button', `Expand ${name}`)).click();
  }

  fileRows() {
    return this.ui.find(role('list', 'Files'), role('listitem'));
  }

  /** The row holding the file's title button, or something inside it. */
  fileRow(title: string, field?: string) {
    const row = this.ui.find(css(`ul[aria-label="Files"] .frow:has(input[aria-label="Select ${title}"])`));
    return field === undefined ? row : row.find(css(`[data-field="${field}"]`));
  }

  /** Titles of the rows currently rendered, in order. */
  async fileTitles(): Promise<string[]> {
    return this.ui.find(css('ul[aria-label="Files"] .frow button.linklike')).texts();
  }

  async selectFile(title: string): Promise<void> {
    await this.ui.find(role('checkbox', `Select ${title}`)).check();
  }

  async openFile(title: string): Promise<void> {
    await this.ui.find(role('list', 'Files'), role('button', title)).click();
    await this.ui.find(role('region', `File ${title}`)).waitFor();
  }

  async renameOpenFile(title: string): Promise<void> {
    await this.ui.find(role('group', 'File actions'), role('button', 'Edit')).click();
    await this.ui.find(label('Title')).fill(title);
    await this.ui.find(role('button', 'Save changes')).click();
  }

  async moveSelected(folderName: string): Promise<void> {
    await this.ui.find(label('Move selected to')).select({ label: folderName });
    await this.ui.find(role('button', 'Move selected')).click();
  }

  /** Picks the format in the open panel (Files selection or History) and presses "Copy links". */
  async copyLinksAs(formatLabel: string): Promise<void> {
    await this.ui.find(label('Link format')).select({ label: formatLabel });
    await this.ui.find(role('button', 'Copy links')).click();
  }

  async clipboardText(): Promise<string> {
    return this.ui.evaluate(() => navigator.clipboard.readText(), undefined);
  }

  // History tab

  async searchHistory(text: string): Promise<void> {
    await this.ui.find(label('Search history')).fill(text);
  }

  /** Presses the export button and returns the saved file. */
  exportHistory(button: 'Export CSV' | 'Export JSON'): Promise<{ name: string; text: string }> {
    return this.ui.download(() => this.ui.find(role('button', button)).click());
  }
}
