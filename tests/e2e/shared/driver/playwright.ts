import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { Found, Target, Ui, WaitOptions } from './driver';

// The driver words on a Playwright page (Chromium suite).

type Scope = Page | Locator;

function locate(scope: Scope, target: Target): Locator {
  if ('role' in target)
    return scope.getByRole(target.role as Parameters<Page['getByRole']>[0], target.name === undefined ? {} : { name: target.name, exact: true });
  if ('label' in target) return scope.getByLabel(target.label, { exact: true });
  if ('text' in target) return scope.getByText(target.text, { exact: true });
  const found = scope.locator(target.css);
  return target.hasText === undefined ? found : found.filter({ hasText: target.hasText });
}

class PlaywrightFound implements Found {
  constructor(readonly locator: Locator) {}

  private get one(): Locator {
    return this.locator.first();
  }

  find(...path: Target[]): Found {
    return new PlaywrightFound(path.reduce<Locator>((scope, target) => locate(scope, target), this.locator));
  }
  click() {
    return this.one.click();
  }
  fill(value: string) {
    return this.one.fill(value);
  }
  async select(option: { label: string } | { value: string }) {
    await this.one.selectOption(option);
  }
  check(on = true) {
    return this.one.setChecked(on);
  }
  setFiles(paths: string[]) {
    return this.one.setInputFiles(paths);
  }
  async text() {
    return (await this.one.textContent()) ?? '';
  }
  texts() {
    return this.locator.allTextContents();
  }
  attr(name: string) {
    return this.one.getAttribute(name);
  }
  value() {
    return this.one.inputValue();
  }
  count() {
    return this.locator.count();
  }
  waitFor(options: WaitOptions = {}) {
    return this.one.waitFor({ state: options.state ?? 'attached', timeout: options.timeout });
  }
  evaluate<R, A>(fn: (el: Element, arg: A) => R, arg: A): Promise<R> {
    return this.one.evaluate(fn as never, arg) as Promise<R>;
  }
}

export class PlaywrightUi implements Ui {
  /** How the next confirm()s are answered, in order; one nobody asked for is dismissed. */
  private readonly dialogAnswers: ('accept' | 'dismiss')[] = [];

  constructor(readonly page: Page) {
    // Playwright sends choosers and dialogs to the test only while it has a listener, and turns
    // that on without waiting (without one it dismisses a dialog itself). Listeners held from
    // the start mean a click or key press never races them.
    page.on('filechooser', () => undefined);
    page.on('dialog', (dialog) => {
      // As Playwright answers on its own: leaving a page is let through, anything else dismissed.
      const answer = dialog.type() === 'beforeunload' ? 'accept' : (this.dialogAnswers.shift() ?? 'dismiss');
      void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
    });
  }

  find(...path: Target[]): Found {
    const [first, ...rest] = path;
    return new PlaywrightFound(locate(this.page, first)).find(...rest);
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as never, arg) as Promise<R>;
  }
  async download(click: () => Promise<void>) {
    const [saved] = await Promise.all([this.page.waitForEvent('download'), click()]);
    return { name: saved.suggestedFilename(), text: await readFile(await saved.path(), 'utf8') };
  }
  acceptNextDialog() {
    this.dialogAnswers.push('accept');
  }
  dismissNextDialog() {
    this.dialogAnswers.push('dismiss');
  }
  press(key: string) {
    return this.page.keyboard.press(key);
  }
  type(text: string) {
    return this.page.keyboard.type(text);
  }
  async chooseByKey(key: string, paths: string[]) {
    const opened = this.page.waitForEvent('filechooser', { timeout: 10_000 });
    await this.page.keyboard.press(key);
    const chooser = await opened.catch(() => {
      throw new Error(`${key} opened no file chooser`);
    });
    await chooser.setFiles(paths);
  }
  close() {
    return this.page.close();
  }
}
