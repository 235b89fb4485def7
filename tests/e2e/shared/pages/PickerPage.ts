import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../../browsers/chromium';

// The candidate picker the background opens in a popup window when a page holds several videos.
export class PickerPage {
  constructor(readonly page: Page) {}

  /** Resolves with the next picker window; start waiting before the click that opens it. */
  static next(session: ExtensionSession): Promise<PickerPage> {
    return session.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(session.url('picker.html')), timeout: 20_000 }).then(async (page) => {
      await page.getByRole('heading', { name: 'Choose the video to send' }).waitFor();
      await page.getByRole('list', { name: 'Videos found' }).waitFor();
      return new PickerPage(page);
    });
  }

  candidates() {
    return this.page.getByRole('list', { name: 'Videos found' }).locator('li');
  }

  async candidateUrls(): Promise<string[]> {
    return this.candidates().evaluateAll((items) => items.map((li) => li.getAttribute('data-url') ?? ''));
  }

  /** Tick exactly the videos whose file names are given. */
  async choose(names: string[]): Promise<void> {
    const boxes = this.page.getByRole('list', { name: 'Videos found' }).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).setChecked(false);
    for (const name of names) await this.page.getByRole('checkbox', { name, exact: true }).setChecked(true);
  }

  async sendTo(targetLabel?: string): Promise<void> {
    if (targetLabel) await this.page.getByLabel('Send to').selectOption({ label: targetLabel });
    await this.page.getByRole('button', { name: 'Send selected' }).click();
  }

  status() {
    return this.page.getByRole('status');
  }
}
