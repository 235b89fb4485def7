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
}

export class PlaywrightUi implements Ui {
  constructor(readonly page: Page) {}

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
    this.page.once('dialog', (dialog) => void dialog.accept());
  }
  close() {
    return this.page.close();
  }
}
