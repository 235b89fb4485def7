import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import type { Found, Target, Ui, WaitOptions } from './driver';

// The driver words on a puppeteer page (Firefox suite, WebDriver BiDi). Roles
// go through the browser's accessibility tree (::-p-aria), as Playwright's
// getByRole does, labels through the DOM (aria-label, aria-labelledby, <label>); every call looks the target up afresh
// and waits for it, like a Playwright locator.

type Scope = Page | ElementHandle<Element>;
const defaultTimeout = 30_000;

const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

async function keep<A>(handles: ElementHandle<Element>[], test: (el: Element, arg: A) => boolean, arg: A): Promise<ElementHandle<Element>[]> {
  const kept: ElementHandle<Element>[] = [];
  for (const handle of handles) {
    if (await handle.evaluate(test as never, arg as never)) kept.push(handle);
    else await handle.dispose();
  }
  return kept;
}

async function locate(scope: Scope, target: Target): Promise<ElementHandle<Element>[]> {
  if ('role' in target) {
    const name = target.name === undefined ? '' : `[name=${quoted(target.name)}]`;
    return scope.$$(`::-p-aria(${name}[role=${quoted(target.role)}])`);
  }
  if ('label' in target) {
    // Firefox names a file input after its button ("Browse…"), not its label: match labels in the DOM too.
    const controls = await scope.$$('input, select, textarea, [role="textbox"]');
    return keep(
      controls,
      // No named inner functions: tsx (the demo) would wrap them in a helper the page does not have.
      (el, text) => {
        const names = [el.getAttribute('aria-label') ?? ''];
        const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        if (ids.length > 0) names.push(ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
        for (const labelEl of (el as HTMLInputElement).labels ?? []) {
          const copy = labelEl.cloneNode(true) as Element;
          for (const control of copy.querySelectorAll('input, select, textarea, button')) control.remove();
          names.push(copy.textContent ?? '');
        }
        return names.some((name) => name.replace(/\s+/g, ' ').trim() === text);
      },
      target.label,
    );
  }
  if ('text' in target) {
    return keep(await scope.$$(`::-p-text(${target.text})`), (el, text) => (el.textContent ?? '').replace(/\s+/g, ' ').trim() === text, target.text);
  }
  const all = await scope.$$(target.css);
  if (target.hasText === undefined) return all;
  const pattern = target.hasText instanceof RegExp ? target.hasText : new RegExp(target.hasText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return keep(all, (el, [source, flags]) => new RegExp(source, flags).test(el.textContent ?? ''), [pattern.source, pattern.flags] as const);
}

async function resolve(page: Page, path: Target[]): Promise<ElementHandle<Element>[]> {
  let scopes: Scope[] = [page];
  for (const target of path) {
    const next: ElementHandle<Element>[] = [];
    for (const scope of scopes) next.push(...(await locate(scope, target)));
    scopes = next;
  }
  return scopes as ElementHandle<Element>[];
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

class PuppeteerFound implements Found {
  constructor(
    private readonly page: Page,
    private readonly path: Target[],
  ) {}

  private async all(): Promise<ElementHandle<Element>[]> {
    try {
      return await resolve(this.page, this.path);
    } catch (error) {
      // The page re-rendered under the lookup (a node went away): look again.
      if (/detached|not found|No node|stale/i.test(String(error))) return [];
      throw error;
    }
  }

  /** The first match, waiting for one to exist. */
  private async one(timeout = defaultTimeout): Promise<ElementHandle<Element>> {
    const until = Date.now() + timeout;
    for (;;) {
      const [first, ...rest] = await this.all();
      for (const handle of rest) await handle.dispose();
      if (first) return first;
      if (Date.now() > until) throw new Error(`Timed out after ${timeout} ms waiting for ${JSON.stringify(this.path)}`);
      await pause(100);
    }
  }

  private async with<R>(run: (el: ElementHandle<Element>) => Promise<R>): Promise<R> {
    const el = await this.one();
    try {
      return await run(el);
    } finally {
      await el.dispose().catch(() => undefined);
    }
  }

  find(...path: Target[]): Found {
    return new PuppeteerFound(this.page, [...this.path, ...path]);
  }
  async click() {
    const until = Date.now() + defaultTimeout;
    for (;;) {
      try {
        return await this.with((el) => el.click());
      } catch (error) {
        // Re-rendered between lookup and click (or not laid out yet): nothing was clicked, look again.
        if (!/not clickable|detached|stale|no such node/i.test(String(error)) || Date.now() > until) throw error;
        await pause(100);
      }
    }
  }
  fill(value: string) {
    // What typing ends in: the new value and an input event (Preact listens to onInput).
    return this.with((el) =>
      el.evaluate((node, text) => {
        const input = node as HTMLInputElement;
        input.focus();
        const proto = Object.getPrototypeOf(input) as object;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, value),
    );
  }
  select(option: { label: string } | { value: string }) {
    return this.with(async (el) => {
      const value =
        'value' in option
          ? option.value
          : await el.evaluate((node, text) => [...(node as HTMLSelectElement).options].find((o) => o.label.trim() === text)?.value ?? null, option.label);
      if (value === null) throw new Error(`No option labelled ${JSON.stringify(option)}`);
      await (el as ElementHandle<HTMLSelectElement>).select(value);
    });
  }
  check(on = true) {
    return this.with(async (el) => {
      if ((await el.evaluate((node) => (node as HTMLInputElement).checked)) !== on) await el.click();
    });
  }
  setFiles(paths: string[]) {
    return this.with((el) => (el as ElementHandle<HTMLInputElement>).uploadFile(...paths));
  }
  text() {
    return this.with((el) => el.evaluate((node) => node.textContent ?? ''));
  }
  async texts() {
    const all = await this.all();
    const out: string[] = [];
    for (const el of all) {
      out.push(await el.evaluate((node) => node.textContent ?? ''));
      await el.dispose();
    }
    return out;
  }
  attr(name: string) {
    return this.with((el) => el.evaluate((node, n) => node.getAttribute(n), name));
  }
  value() {
    return this.with((el) => el.evaluate((node) => (node as HTMLInputElement).value));
  }
  async count() {
    const all = await this.all();
    for (const el of all) await el.dispose();
    return all.length;
  }
  evaluate<R, A>(fn: (el: Element, arg: A) => R, arg: A): Promise<R> {
    return this.with((el) => el.evaluate(fn as never, arg as never)) as Promise<R>;
  }
  async waitFor(options: WaitOptions = {}) {
    const timeout = options.timeout ?? defaultTimeout;
    if (options.state !== 'detached') {
      await (await this.one(timeout)).dispose();
      return;
    }
    const until = Date.now() + timeout;
    while ((await this.count()) > 0) {
      if (Date.now() > until) throw new Error(`Timed out after ${timeout} ms waiting for ${JSON.stringify(this.path)} to go`);
      await pause(100);
    }
  }
}

export class PuppeteerUi implements Ui {
  /** downloadDir: where the browser was told to save downloads without asking. */
  constructor(
    readonly page: Page,
    private readonly downloadDir: string,
  ) {}

  find(...path: Target[]): Found {
    return new PuppeteerFound(this.page, path);
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as never, arg) as Promise<R>;
  }
  async download(click: () => Promise<void>) {
    const before = new Set(await readdir(this.downloadDir));
    await click();
    const until = Date.now() + defaultTimeout;
    for (;;) {
      // Firefox writes to "<name>.part" and renames when the download is complete.
      const names = await readdir(this.downloadDir);
      const name = names.find((n) => !before.has(n) && !n.endsWith('.part') && !names.includes(`${n}.part`));
      if (name) {
        // Firefox may still move the file to its final name: a name gone by the time it is read is looked for again.
        const text = await readFile(join(this.downloadDir, name), 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return '';
          throw error;
        });
        if (text.length > 0) return { name, text };
      }
      if (Date.now() > until) throw new Error(`No download landed in ${this.downloadDir}`);
      await pause(100);
    }
  }
  acceptNextDialog() {
    this.page.once('dialog', (dialog) => void dialog.accept());
  }
  dismissNextDialog() {
    this.page.once('dialog', (dialog) => void dialog.dismiss());
  }
  async press(key: string) {
    // "Shift+Tab": modifiers held down around the last key. BiDi knows the space bar by its character.
    const [last, ...held] = key
      .split('+')
      .reverse()
      .map((name) => (name === 'Space' ? ' ' : name)) as KeyInput[];
    for (const modifier of held) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(last);
    for (const modifier of held.reverse()) await this.page.keyboard.up(modifier);
  }
  type(text: string) {
    return this.page.keyboard.type(text);
  }
  async chooseByKey(key: string, paths: string[]) {
    // Firefox reports no chooser over BiDi for an extension page (it does for a web page). Headless,
    // it opens the system's chooser and dismisses it at once, which fires "cancel" at the input:
    // that event is the proof the key opened it. The files are then given to that input.
    // One watcher per page (a <dialog> fires "cancel" too: only a file input's counts).
    await this.page.evaluate(() => {
      const page = window as { e2eChooserWatch?: boolean };
      if (page.e2eChooserWatch) return;
      page.e2eChooserWatch = true;
      document.addEventListener(
        'cancel',
        (event) => {
          const input = event.target;
          if (input instanceof HTMLInputElement && input.type === 'file') input.dataset.e2eChooser = 'dismissed';
        },
        true,
      );
    });
    await this.press(key);
    const opened = this.find({ css: 'input[type="file"][data-e2e-chooser]' });
    await opened.waitFor({ timeout: 10_000 }).catch(() => {
      throw new Error(`${key} opened no file chooser`);
    });
    if (paths.length > 0) await opened.setFiles(paths);
    await opened.evaluate((el) => delete (el as HTMLElement).dataset.e2eChooser, null);
  }
  close() {
    return this.page.close();
  }
}
