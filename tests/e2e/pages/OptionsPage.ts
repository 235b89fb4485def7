import { css, label, role, type Ui, type UiSession } from '../ui/driver';

export class OptionsPage<U extends Ui = Ui> {
  constructor(readonly ui: U) {}

  /** The browser driver's own page, for what only one suite does. */
  get page(): U extends { page: infer P } ? P : never {
    return (this.ui as unknown as { page: never }).page;
  }

  static async open<U extends Ui>(session: UiSession<U>): Promise<OptionsPage<U>> {
    const ui = await session.open('options.html');
    await ui.find(role('heading', 'VidRelay options')).waitFor();
    return new OptionsPage(ui);
  }

  async fillAccount(fields: { host: string; apiBase?: string; key: string; login?: string; name?: string }): Promise<void> {
    await this.ui.find(label('Host')).select({ value: fields.host });
    if (fields.apiBase !== undefined) await this.ui.find(label('API base URL')).fill(fields.apiBase);
    if (fields.login !== undefined) await this.ui.find(label('Login')).fill(fields.login);
    await this.ui.find(label('API key')).fill(fields.key);
    if (fields.name !== undefined) await this.ui.find(label('Name')).fill(fields.name);
  }

  async testConnection(): Promise<void> {
    await this.ui.find(role('button', 'Test connection')).click();
    await this.ui.find(css('[data-testid="account-info"], form [role="alert"]')).waitFor();
  }

  accountInfo(field: string) {
    return this.ui.find(css(`[data-testid="account-info"] [data-field="${field}"]`));
  }

  error() {
    return this.ui.find(css('form [role="alert"]'));
  }

  async save(): Promise<void> {
    await this.ui.find(role('button', 'Save')).click();
    await this.ui.find(role('status')).waitFor();
  }

  /** The account rows, or those holding text. */
  accounts(hasText?: string) {
    return this.ui.find(role('list', 'Accounts'), css('li', hasText));
  }

  // Settings file

  /** Exports with the passphrase (empty: keys left out) and returns the saved file. */
  async exportSettings(passphrase: string): Promise<{ name: string; text: string }> {
    await this.ui.find(label('Passphrase')).fill(passphrase);
    return this.ui.download(() => this.ui.find(role('button', 'Export settings')).click());
  }

  async importSettings(path: string, passphrase: string): Promise<void> {
    await this.ui.find(label('Passphrase')).fill(passphrase);
    await this.ui.find(label('Settings file')).setFiles([path]);
  }

  settingsFileAlert() {
    return this.ui.find(css('section[aria-labelledby="settings-file-heading"] [role="alert"]'));
  }

  status() {
    return this.ui.find(role('status'));
  }

  async editAccount(label: string): Promise<void> {
    await this.accounts().filter({ hasText: label }).getByRole('button', { name: `Edit ${label}` }).click();
    await this.page.getByRole('button', { name: 'Cancel' }).waitFor();
  }

  /** The "Stored data that could not be read" panel. */
  unreadable() {
    return this.page.getByRole('region', { name: 'Stored data that could not be read' });
  }

  unreadableEntry(name: string) {
    return this.unreadable().locator('li').filter({ hasText: name });
  }

  /**
   * Presses Export on an unreadable entry, gives the passphrase (none: secrets
   * removed), saves, and returns the downloaded file's text.
   */
  async exportUnreadable(name: string, passphrase = ''): Promise<string> {
    const entry = this.unreadableEntry(name);
    await entry.getByRole('button', { name: 'Export' }).click();
    await entry.getByLabel('Passphrase for this export').fill(passphrase);
    const download = this.page.waitForEvent('download');
    await entry.getByRole('button', { name: 'Save export' }).click();
    const path = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    return readFile(path!, 'utf8');
  }

  /** Presses "Export settings" (no passphrase) and returns the file's text. */
  async exportSettings(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export settings' }).click();
    const path = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    return readFile(path!, 'utf8');
  }

  /** The page's status line (saved, exported, imported...). */
  status() {
    return this.page.getByRole('status');
  }

  /** What the panel said about the last export or removal. */
  unreadableNotice() {
    return this.unreadable().locator('[aria-live="polite"]');
  }

  /** Presses Remove on an unreadable entry and accepts the confirmation. */
  async removeUnreadable(name: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.unreadableEntry(name).getByRole('button', { name: 'Remove' }).click();
  }

  /** Import a settings file through the Settings file section; resolves with the notice it shows. */
  async importSettings(text: string, passphrase = ''): Promise<string> {
    await this.page.getByLabel('Passphrase').fill(passphrase);
    await this.page.getByLabel('Settings file').setInputFiles({ name: 'vidrelay.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const notice = this.page.getByRole('status').filter({ hasText: /Imported/ });
    await notice.waitFor();
    return (await notice.textContent()) ?? '';
  }
}
