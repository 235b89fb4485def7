import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../browser';

export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<OptionsPage> {
    const page = await session.context.newPage();
    await page.goto(session.url('options.html'));
    await page.getByRole('heading', { name: 'VidRelay options' }).waitFor();
    return new OptionsPage(page);
  }

  async fillAccount(fields: { host: string; apiBase?: string; key: string; login?: string; name?: string }): Promise<void> {
    await this.page.getByLabel('Host').selectOption(fields.host);
    if (fields.apiBase !== undefined) await this.page.getByLabel('API base URL').fill(fields.apiBase);
    if (fields.login !== undefined) await this.page.getByLabel('Login').fill(fields.login);
    await this.page.getByLabel('API key').fill(fields.key);
    if (fields.name !== undefined) await this.page.getByLabel('Name', { exact: true }).fill(fields.name);
  }

  async testConnection(): Promise<void> {
    await this.page.getByRole('button', { name: 'Test connection' }).click();
    await this.page.locator('[data-testid="account-info"], [role="alert"]').first().waitFor();
  }

  accountInfo(field: string) {
    return this.page.locator(`[data-testid="account-info"] [data-field="${field}"]`);
  }

  error() {
    return this.page.locator('form [role="alert"]');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await this.page.getByRole('status').waitFor();
  }

  accounts() {
    return this.page.getByRole('list', { name: 'Accounts' }).locator('li');
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
