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

  /** Each listed stream quality (or other candidate) as the user reads it: its label, whether it can be ticked, and the reason where not. */
  async variants(): Promise<{ label: string; disabled: boolean; reason?: string }[]> {
    const rows = this.candidates();
    const out: { label: string; disabled: boolean; reason?: string }[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const box = rows.nth(i).getByRole('checkbox');
      const label = (await rows.nth(i).locator('label').textContent()) ?? '';
      const disabled = await box.isDisabled();
      // The reason is what the checkbox is described by first (aria-describedby), as a screen reader reads it.
      const reasonId = disabled ? (await box.getAttribute('aria-describedby'))?.split(' ')[0] : undefined;
      const reason = reasonId ? ((await this.page.locator(`#${reasonId}`).textContent()) ?? undefined) : undefined;
      out.push({ label, disabled, ...(reason ? { reason } : {}) });
    }
    return out;
  }

  /** Tick exactly the one quality labelled so ("HLS stream, 720p, about 300 MB"). */
  async chooseVariant(label: string): Promise<void> {
    await this.choose([label]);
  }

  async sendTo(targetLabel?: string): Promise<void> {
    if (targetLabel) await this.page.getByLabel('Send to').selectOption({ label: targetLabel });
    await this.page.getByRole('button', { name: 'Send selected' }).click();
  }

  status() {
    return this.page.getByRole('status');
  }
}
