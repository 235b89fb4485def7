import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { css, label, role, type Ui, type UiSession } from '../driver/driver';

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

  /** Presses "Export settings" with the passphrase (none: keys left out) and returns the saved file. */
  async exportSettingsFile(passphrase = ''): Promise<{ name: string; text: string }> {
    await this.ui.find(label('Passphrase')).fill(passphrase);
    return this.ui.download(() => this.ui.find(role('button', 'Export settings')).click());
  }

  /** The exported file's text. */
  async exportSettings(passphrase = ''): Promise<string> {
    return (await this.exportSettingsFile(passphrase)).text;
  }

  /** Imports a settings file (its text) through the Settings file section; resolves with the notice it shows. */
  async importSettings(text: string, passphrase = ''): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'vidrelay-settings-'));
    const path = join(dir, 'vidrelay.json');
    await writeFile(path, text);
    try {
      await this.ui.find(label('Passphrase')).fill(passphrase);
      await this.ui.find(label('Settings file')).setFiles([path]);
      const notice = this.ui.find(css('[role="status"]', /Imported/));
      await notice.waitFor();
      return await notice.text();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  settingsFileAlert() {
    return this.ui.find(css('section[aria-labelledby="settings-file-heading"] [role="alert"]'));
  }

  status() {
    return this.ui.find(role('status'));
  }

  /** Presses Remove on the account, accepts the confirmation and waits for its row to go. */
  async removeAccount(accountLabel: string): Promise<void> {
    this.ui.acceptNextDialog();
    await this.accounts(accountLabel)
      .find(role('button', `Remove ${accountLabel}`))
      .click();
    await this.accounts(accountLabel).waitFor({ state: 'detached' });
  }

  async editAccount(accountLabel: string): Promise<void> {
    await this.accounts(accountLabel)
      .find(role('button', `Edit ${accountLabel}`))
      .click();
    await this.ui.find(role('button', 'Cancel')).waitFor();
  }

  /** The "Stored data that could not be read" panel. */
  unreadable() {
    return this.ui.find(role('region', 'Stored data that could not be read'));
  }

  unreadableEntry(name: string) {
    return this.unreadable().find(css('li', name));
  }

  /**
   * Presses Export on an unreadable entry, gives the passphrase (none: secrets
   * removed), saves, and returns the downloaded file's text.
   */
  async exportUnreadable(name: string, passphrase = ''): Promise<string> {
    const entry = this.unreadableEntry(name);
    await entry.find(role('button', `Export ${name}`)).click();
    await entry.find(label('Passphrase for this export')).fill(passphrase);
    return (await this.ui.download(() => entry.find(role('button', 'Save export')).click())).text;
  }

  /** What the panel said about the last export or removal. */
  unreadableNotice() {
    return this.unreadable().find(css('[aria-live="polite"]'));
  }

  /** Presses Remove on an unreadable entry and accepts the confirmation. */
  async removeUnreadable(name: string): Promise<void> {
    this.ui.acceptNextDialog();
    await this.unreadableEntry(name)
      .find(role('button', `Remove ${name}`))
      .click();
  }
}
