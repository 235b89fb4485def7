import { css, label, role, type Target, type Ui, type UiSession } from '../driver/driver';

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

  /** The "Upload to" group (one checkbox per enabled account), or something inside it. */
  targets(...inside: Target[]) {
    return this.ui.find(role('group', 'Upload to'), ...inside);
  }

  /** One account's line in "Upload to", or something inside it. */
  target(accountLabel: string, ...inside: Target[]) {
    return this.targets(css('label[data-account-id]', accountLabel), ...inside);
  }

  /** Upload to exactly these accounts. */
  async chooseTargets(labels: string[]): Promise<void> {
    const names = await this.targets(css('label[data-account-id] > span:first-of-type')).texts();
    // Ticked first: the first ticked account is the primary, and an empty choice never happens in between.
    for (const name of names) if (labels.includes(name)) await this.target(name, css('input[type="checkbox"]')).check(true);
    for (const name of names) if (!labels.includes(name)) await this.target(name, css('input[type="checkbox"]')).check(false);
  }

  async chooseAccount(accountLabel: string): Promise<void> {
    await this.chooseTargets([accountLabel]);
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

  /** A pending file's row with its details folded out (tags, folder, category, flags, snapshot). */
  async details(name: string) {
    const toggle = this.pending(name, role('button', `Details for ${name}`));
    if ((await toggle.attr('aria-expanded')) !== 'true') await toggle.click();
    return this.pending(name);
  }

  /** The bar that sets fields on all or the selected files, or something inside it. */
  batchBar(...inside: Target[]) {
    return this.ui.find(role('region', 'Set for many files'), ...inside);
  }

  async select(name: string): Promise<void> {
    await this.pending(name, role('checkbox', `Select ${name}`)).check();
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

  /** A file mirrored to several accounts: the combined result, then one upload row per account. */
  mirror(name: string, ...inside: Target[]) {
    return this.ui.find(role('list', 'Upload queue'), css('li[data-kind="mirror"]', name), ...inside);
  }

  /** Folds out a mirror's accounts (one line each, with its link or its error); a finished mirror shows one line. */
  async openMirror(name: string) {
    const toggle = this.mirror(name, role('button', `Details for ${name}`));
    if ((await toggle.attr('aria-expanded')) !== 'true') await toggle.click();
    return this.mirror(name);
  }

  /**
   * How the queue lays out these finished uploads: the list's height, and for
   * each row its height and whether its state, name, account, link, copy and
   * remove sit on one line (their middles within a few pixels of each other).
   */
  finishedRows(names: string[]): Promise<{ listHeight: number; rows: { name: string; height: number; oneLine: boolean; missing: string[] }[] }> {
    return this.ui.evaluate((wanted) => {
      const list = document.querySelector('[aria-label="Upload queue"]')!;
      const rows = [...list.querySelectorAll(':scope > li[data-job-id]')].filter((li) =>
        wanted.includes(li.querySelector('[data-field="name"]')?.textContent ?? ''),
      );
      const parts = {
        state: '.badge',
        name: '[data-field="name"]',
        account: '[data-field="account"]',
        link: 'a[data-field="link"]',
        copy: 'button[aria-label="Copy link"]',
        remove: 'button[aria-label$=" from the queue"]',
      };
      return {
        listHeight: list.getBoundingClientRect().height,
        rows: rows.map((li) => {
          const found = Object.entries(parts).map(([part, selector]) => [part, li.querySelector(selector)?.getBoundingClientRect()] as const);
          const middles = found.flatMap(([, box]) => (box && box.height > 0 ? [box.top + box.height / 2] : []));
          return {
            name: li.querySelector('[data-field="name"]')!.textContent!,
            height: li.getBoundingClientRect().height,
            oneLine: middles.length === found.length && Math.max(...middles) - Math.min(...middles) <= 4,
            missing: found.filter(([, box]) => !box || box.height === 0).map(([part]) => part),
          };
        }),
      };
    }, names);
  }

  async stateOf(name: string): Promise<string | null> {
    return this.job(name).attr('data-state');
  }

  async waitForState(name: string, states: string[], timeout = 30_000): Promise<void> {
    const rows = states.map((s) => `li[data-job-id][data-state="${s}"]`).join(', ');
    await this.ui.find(role('list', 'Upload queue'), css(rows, name)).waitFor({ timeout });
  }
}
