import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../../browsers/chromium';

// The manager's History tab.

export class HistoryPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<HistoryPage> {
    const page = await session.context.newPage();
    await page.goto(session.url('manager.html#history'));
    await page.getByRole('tabpanel', { name: 'History' }).waitFor();
    return new HistoryPage(page);
  }

  /** "20,000 jobs", or "12 of 20,000 jobs" while searching or filtering. */
  count() {
    return this.page.locator('[data-field="history-count"]');
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search history').fill(text);
  }

  jobs() {
    return this.page.getByRole('list', { name: 'Jobs' }).locator('li');
  }

  async nextPage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next', exact: true }).click();
  }
}
