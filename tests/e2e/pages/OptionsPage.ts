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
}
