import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../browser';

// The manager's Upload tab: pick files, start, watch the queue.

export class UploadPage {
  constructor(readonly page: Page) {}

  static async open(session: ExtensionSession): Promise<UploadPage> {
    const page = await session.context.newPage();
    await page.goto(session.url('manager.html#upload'));
    await page.getByRole('tabpanel', { name: 'Upload' }).waitFor();
    await page.getByText('Drop video files here').waitFor();
    return new UploadPage(page);
  }

  /** The "Upload to" group: one checkbox per enabled account. */
  targets() {
    return this.page.getByRole('group', { name: 'Upload to' });
  }

  target(label: string) {
    return this.targets().locator('label').filter({ hasText: label });
  }

  /** Upload to exactly these accounts. */
  async chooseTargets(labels: string[]): Promise<void> {
    for (const box of await this.targets().getByRole('checkbox').all()) {
      const name = (await box.evaluate((el) => el.closest('label')?.querySelector('span')?.textContent)) ?? '';
      if (labels.includes(name)) await box.check();
      else if (await box.isChecked()) await box.uncheck();
    }
  }

  async chooseAccount(label: string): Promise<void> {
    await this.chooseTargets([label]);
  }

  async chooseFiles(paths: string[]): Promise<void> {
    await this.page.getByLabel('Choose files').setInputFiles(paths);
  }

  pending(name: string) {
    return this.page.locator(`li[data-file-name="${name}"]`);
  }

  /** A pending file's row with its details folded out (tags, folder, category, flags, snapshot). */
  async details(name: string) {
    const row = this.pending(name);
    const toggle = row.getByRole('button', { name: `Details for ${name}` });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return row;
  }

  batchBar() {
    return this.page.getByRole('region', { name: 'Set for many files' });
  }

  async select(name: string): Promise<void> {
    await this.pending(name).getByRole('checkbox', { name: `Select ${name}` }).check();
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start upload' }).click();
    await this.page.getByRole('list', { name: 'Files to upload' }).waitFor({ state: 'detached', timeout: 20_000 });
  }

  job(name: string) {
    return this.page.getByRole('list', { name: 'Upload queue' }).locator('li[data-job-id]').filter({
      has: this.page.locator('[data-field="name"]', { hasText: name }),
    });
  }

  /** A file mirrored to several accounts: the combined result, then one upload row per account. */
  mirror(name: string) {
    return this.page.getByRole('list', { name: 'Upload queue' }).locator('li[data-kind="mirror"]').filter({
      has: this.page.locator(':scope > .row [data-field="name"]', { hasText: name }),
    });
  }

  async stateOf(name: string): Promise<string | null> {
    return this.job(name).getAttribute('data-state');
  }

  async waitForState(name: string, states: string[], timeout = 30_000): Promise<void> {
    const selector = states.map((s) => `[data-state="${s}"]`).join(',');
    await this.job(name).and(this.page.locator(selector)).waitFor({ timeout });
  }
}
