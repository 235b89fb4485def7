import { css, label, role, type Target, type Ui, type UiSession } from '../ui/driver';

// The manager's Upload tab: pick files, start, watch the queue.

export class UploadPage<U extends Ui = Ui> {
  constructor(readonly ui: U) {}

  /** The browser driver's own page, for what only one suite does. */
  get page(): U extends { page: infer P } ? P : never {
    return (this.ui as unknown as { page: never }).page;
  }

  static async open<U extends Ui>(session: UiSession<U>): Promise<UploadPage<U>> {
    const ui = await session.open('manager.html#upload');
    await ui.find(role('tabpanel', 'Upload')).waitFor();
    await ui.find(css('p', 'Drop video files here')).waitFor();
    return new UploadPage(ui);
  }

  async chooseAccount(accountLabel: string): Promise<void> {
    await this.ui.find(label('Account')).select({ label: accountLabel });
  }

  async chooseFiles(paths: string[]): Promise<void> {
    await this.ui.find(label('Choose files')).setFiles(paths);
  }

  /** Relay: check the source's size; resolves with what the page shows about it. */
  async checkRelay(url: string): Promise<string> {
    await this.ui.find(label('Video URL to relay')).fill(url);
    await this.ui.find(role('button', 'Check size')).click();
    return this.ui.find(css('[data-field="relay-probe"]')).text();
  }

  async confirmRelay(): Promise<void> {
    await this.ui.find(role('button', 'Confirm and relay')).click();
  }

  pending(name: string, ...inside: Target[]) {
    return this.ui.find(css(`li[data-file-name="${name}"]`), ...inside);
  }

  async start(): Promise<void> {
    await this.ui.find(role('button', 'Start upload')).click();
    await this.ui.find(role('list', 'Files to upload')).waitFor({ state: 'detached', timeout: 20_000 });
  }

  /** The queue row of the named file, or something inside it. */
  job(name: string, ...inside: Target[]) {
    return this.ui.find(role('list', 'Upload queue'), css('li[data-job-id]', name), ...inside);
  }

  field(name: string, field: string) {
    return this.job(name, css(`[data-field="${field}"]`));
  }

  async stateOf(name: string): Promise<string | null> {
    return this.job(name).attr('data-state');
  }

  async waitForState(name: string, states: string[], timeout = 30_000): Promise<void> {
    const rows = states.map((s) => `li[data-job-id][data-state="${s}"]`).join(', ');
    await this.ui.find(role('list', 'Upload queue'), css(rows, name)).waitFor({ timeout });
  }
}
