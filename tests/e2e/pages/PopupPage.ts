import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../browser';

export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<PopupPage> {
    const page = await session.context.newPage();
    await page.goto(session.url('popup.html'));
    await page.getByRole('heading', { name: 'VidRelay' }).waitFor();
    return new PopupPage(page);
  }

  async sendUrls(urls: string[], accountLabel?: string): Promise<void> {
    await this.page.getByLabel('Video URLs').fill(urls.join('\n'));
    if (accountLabel) await this.page.getByLabel('Account', { exact: true }).selectOption({ label: accountLabel });
    await this.page.getByRole('button', { name: 'Send', exact: true }).click();
    await this.status().waitFor();
  }

  status() {
    return this.page.getByRole('form', { name: 'Send URLs' }).getByRole('status');
  }

  jobs() {
    return this.page.getByRole('list', { name: 'Jobs' }).locator('li');
  }

  job(state: string) {
    return this.page.locator(`li[data-state="${state}"]`);
  }
}
