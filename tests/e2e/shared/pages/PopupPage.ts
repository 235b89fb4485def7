import { css, label, role, type Ui, type UiSession } from '../driver/driver';

export class PopupPage<U extends Ui = Ui> {
  constructor(readonly ui: U) {}

  /** The browser driver's own page, for what only one suite does. */
  get page(): U extends { page: infer P } ? P : never {
    return (this.ui as unknown as { page: never }).page;
  }

  static async open<U extends Ui>(session: UiSession<U>): Promise<PopupPage<U>> {
    const ui = await session.open('popup.html');
    await ui.find(role('heading', 'VidRelay')).waitFor();
    return new PopupPage(ui);
  }

  async sendUrls(urls: string[], accountLabel?: string): Promise<void> {
    await this.ui.find(label('Video URLs')).fill(urls.join('\n'));
    if (accountLabel) await this.ui.find(label('Account')).select({ label: accountLabel });
    await this.ui.find(role('button', 'Send')).click();
    await this.status().waitFor();
  }

  status() {
    return this.ui.find(role('form', 'Send URLs'), role('status'));
  }

  jobs() {
    return this.ui.find(role('list', 'Jobs'), css('li'));
  }

  job(state: string) {
    return this.ui.find(css(`li[data-state="${state}"]`));
  }

  /** Jobs shown as waiting: 'host' (taken without a file code yet) or 'slot' (no free remote-upload slot). */
  waiting(kind: 'host' | 'slot') {
    return this.ui.find(css(`li[data-waiting="${kind}"]`));
  }

  /** The link shown for each finished job, newest first. */
  links() {
    return this.ui.find(css('li[data-job-id] a[data-field="link"]'));
  }
}
