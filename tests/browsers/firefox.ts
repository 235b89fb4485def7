import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Background, ExtensionScope } from '../e2e/shared/flows/scope';
import type { UiSession } from '../e2e/shared/driver/driver';
import { PuppeteerUi } from '../e2e/shared/driver/puppeteer';
import type { TestHooks } from '../../lib/background/root/test-hooks';
import { addVideo, blobVideoSrc, nextNotice } from './web-page';

// Debian's Firefox ESR with the real Firefox build installed as a temporary
// add-on, driven over WebDriver BiDi. What Firefox needs that Chromium does not:
// - --remote-allow-system-access, or moz-extension:// pages refuse navigation;
// - a fixed extension UUID (pref), so page URLs are known before install;
// - navigation through the BiDi browsing context (page.goto never resolves there);
// - the background is an event page, not a BiDi target: reach it from an
//   extension page with runtime.getBackgroundPage() (which also wakes it);
// - the context menu and keyboard shortcuts live in the browser's own window
//   (chrome://browser/content/browser.xhtml), which BiDi reaches with
//   --remote-allow-system-access: the tests open the real menu and press real keys.
// The build loaded is the test build (`npm run build:test:firefox`), which has the
// hook tests read the notifications through (lib/background/root/test-hooks.ts).

const extensionDir = resolve(process.env.VIDRELAY_FIREFOX_EXTENSION_DIR ?? '.output/test/firefox-mv3');
const geckoId = 'vidrelay@vidrelay.dev';
const uuid = '6f1d2c3e-8a4b-4c5d-9e0f-7a6b5c4d3e21';
const origin = `moz-extension://${uuid}`;

function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) throw new Error(`Firefox not found at ${path}; install it with: apt-get install -y firefox-esr`);
  return path;
}

export interface FirefoxOptions {
  /** 'de' needs Debian's firefox-esr-l10n-de (the German language pack). */
  locale?: 'en-US' | 'de';
  colorScheme?: 'light' | 'dark';
  /** Milliseconds of idleness before Firefox unloads the event page (Firefox's default: 30000). */
  idleTimeout?: number;
  headless?: boolean;
  /** Another Firefox (the demo); FIREFOX_PATH or /usr/bin/firefox-esr otherwise. */
  executablePath?: string;
}

export interface FirefoxSession extends UiSession<PuppeteerUi> {
  browser: Browser;
  url(path: string): string;
  /** Runs fn in an extension page with the background page's window (woken if it was unloaded). */
  background<R, A>(fn: (bg: BackgroundWindow, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs fn in an extension page (the add-on's origin: its storage and IndexedDB), the event page woken first. */
  scope: ExtensionScope;
  /** A web page in a new tab, in front. */
  openWeb(url: string): Promise<Page>;
  /** Evaluates `expression` in the browser's own window (its menus and key bindings), awaiting what it returns. */
  inBrowserWindow(expression: string): Promise<unknown>;
  close(): Promise<void>;
}

/** The event page's window as the tests use it. */
type BackgroundWindow = Window & {
  vidrelay: TestHooks;
  browser: typeof import('wxt/browser').browser;
};

async function navigate(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> } };
  await frame.browsingContext.navigate(url, 'complete');
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No build in ${extensionDir}; run "npm run build:test:firefox" first`);
  const downloads = await mkdtemp(join(tmpdir(), 'vidrelay-ff-downloads-'));
  const dark = options.colorScheme === 'dark';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: options.executablePath ?? firefoxPath(),
    headless: options.headless ?? true,
    args: ['--remote-allow-system-access'],
    // VIDRELAY_FIREFOX_LOG=1 shows the extension pages' console (Firefox sends it to stdout).
    dumpio: process.env.VIDRELAY_FIREFOX_LOG === '1',
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // permissions.request() resolves without the prompt a headless browser cannot show.
      'extensions.webextOptionalPermissionPrompts': false,
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      // navigator.clipboard.readText() without the paste prompt.
      'dom.events.testing.asyncClipboard': true,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'ui.systemUsesDarkTheme': dark ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
      'intl.locale.requested': options.locale ?? 'en-US',
      'intl.accept_languages': options.locale === 'de' ? 'de-DE, de' : 'en-US, en',
      ...(options.idleTimeout !== undefined ? { 'extensions.background.idle.timeout': options.idleTimeout } : {}),
    },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== geckoId) throw new Error(`Installed add-on has id ${id}, expected ${geckoId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const url = (path: string) => `${origin}/${path.replace(/^\//, '')}`;
  /** `behind`: the tab is not brought to the front (the hub, which must not take the focus from the page under test). */
  const open = async (path: string, behind = false) => {
    const page = await browser.newPage();
    // Playwright's default size, so both suites lay pages out alike (the Files list squeezes titles to nothing at 800 px).
    await page.setViewport({ width: 1280, height: 720 });
    await navigate(page, url(path));
    // In front, as a page the user opens is: a tab behind has no focus, so nothing in it matches :focus.
    if (!behind) await page.bringToFront();
    return new PuppeteerUi(page, downloads);
  };
  let hub: PuppeteerUi | undefined;
  // An expression built here (BiDi evaluates it outside the page's CSP): the function runs in the hub page,
  // after getBackgroundPage() woke the event page; withBackground hands it the background window.
  const inHub = async (fn: string, arg: unknown, withBackground: boolean) => {
    // A fresh hub when the last one went away (an add-on reload closes every extension page).
    if (!hub || hub.page.isClosed()) hub = await open('picker.html#e2e-hub', true);
    const args = `${withBackground ? 'bg, ' : ''}${arg === undefined ? 'undefined' : JSON.stringify(arg)}`;
    const call = `(async () => {
      const bg = await browser.runtime.getBackgroundPage();
      return (${fn})(${args});
    })()`;
    return (await hub.page.evaluate(call)) as never;
  };
  const openWeb = async (address: string) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await navigate(page, address);
    await page.bringToFront();
    return page;
  };
  return {
    browser,
    url,
    open,
    openWeb,
    inBrowserWindow: (expression) => inBrowserWindow(browser, expression),
    background: (fn, arg) => inHub(fn.toString(), arg ?? null, true),
    scope: { evaluate: (fn, arg) => inHub(fn.toString(), arg, false) },
    async close() {
      await browser.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

async function inBrowserWindow(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const window = (tree.contexts as { context: string; url: string }[]).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('the browser window is not reachable (is --remote-allow-system-access set?)');
  const { result } = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true });
  if (result.type !== 'success') throw new Error(`in the browser window: ${JSON.stringify(result.exceptionDetails ?? result)}`);
  return (result.result as { value?: unknown }).value;
}

/**
 * In the browser window: waits for the page's context menu to be open, opens its
 * "Send to host" submenu and activates the item the extension created as `menuItemId`,
 * as a click on it does (Firefox then fires menus.onClicked with what it knows of the click).
 */
function pickMenuItem(itemSuffix: string): string {
  return `(async (suffix) => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
    const menu = document.getElementById('contentAreaContextMenu');
    for (let i = 0; menu.state !== 'open'; i++) { if (i > 200) throw new Error('the context menu did not open'); await pause(); }
    const items = [...menu.querySelectorAll('menuitem')];
    const item = items.find((i) => i.id.endsWith(suffix));
    if (!item) { menu.hidePopup(); throw new Error('no menu item ' + suffix + ' among ' + items.filter((i) => !i.hidden).map((i) => i.id).join(', ')); }
    const popup = item.parentElement;
    popup.parentElement.openMenu(true);
    for (let i = 0; popup.state !== 'open'; i++) { if (i > 200) throw new Error('the submenu did not open'); await pause(); }
    popup.activateItem(item);
  })(${JSON.stringify(itemSuffix)})`;
}

/** In the browser window: presses `shortcut` ("Alt+Shift+S") as a keyboard does, in the selected tab. */
function pressKeys(shortcut: string): string {
  return `((shortcut) => {
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
    const parts = shortcut.split('+');
    const key = parts.pop();
    const names = { Alt: 'AltLeft', Shift: 'ShiftLeft', Ctrl: 'ControlLeft', Command: 'MetaLeft', MacCtrl: 'ControlLeft' };
    const modifiers = parts.map((m) => new KeyboardEvent('', { key: m === 'Ctrl' || m === 'MacCtrl' ? 'Control' : m === 'Command' ? 'Meta' : m, code: names[m] }));
    const main = new KeyboardEvent('', { key, code: 'Key' + key.toUpperCase(), keyCode: key.toUpperCase().charCodeAt(0) });
    for (const m of modifiers) tip.keydown(m);
    tip.keydown(main);
    tip.keyup(main);
    for (const m of modifiers.reverse()) tip.keyup(m);
  })(${JSON.stringify(shortcut)})`;
}

/** The picker window opened since `before`: asked where it is, since puppeteer goes on calling a window the add-on opened about:blank. */
async function pickerWindow(browser: Browser, before: Set<Page>, address: string, timeoutMs = 20_000): Promise<Page> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((resolve) => setTimeout(resolve, 100))) {
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(address)) return page;
    }
  }
  throw new Error(`no picker window within ${timeoutMs} ms`);
}

/** In the picker window: ticks exactly the quality labelled `variant`, sends it, and returns the picker's status line (or what it shows instead). */
async function sendVariant(picker: Page, variant: string): Promise<string> {
  await picker.waitForSelector('ul[aria-label="Videos found"] input[type=checkbox]');
  // Real clicks (input actions): the picker asks for the stream's site, which Firefox grants only during a user's click.
  for (const box of await picker.$$('ul[aria-label="Videos found"] input[type=checkbox]')) {
    const [name, checked, disabled] = await box.evaluate(
      (el) => [document.querySelector(`label[for="${el.id}"]`)?.textContent, el.checked, el.disabled] as const,
    );
    if (!disabled && checked !== (name === variant)) await box.click();
  }
  await (await picker.$('button[type=submit]'))!.click();
  const answer = await picker.waitForSelector('[role=status], [role=alert]');
  const text = (await answer!.evaluate((el) => el.textContent)) ?? '';
  // Once sent, the picker closes itself; its window must be gone before the next menu is looked for in the browser's windows.
  if (!text.startsWith('Sent')) await picker.close();
  const open = () => picker.evaluate(() => true).catch(() => false);
  for (const started = Date.now(); (await open()) && Date.now() - started < 5000; ) await new Promise((resolve) => setTimeout(resolve, 100));
  return text;
}

/** The event page as the shared scenarios (tests/e2e/shared/flows) reach it: menus and shortcuts through Firefox's own window. */
export function firefoxBackground(session: FirefoxSession): Background {
  const background: Background = {
    scope: session.scope,
    notices: () => session.background((bg) => bg.vidrelay.notices(), null),
    async sendFromMenu({ url, video, menuItemId }) {
      const page = await session.openWeb(url);
      try {
        const point = video === undefined ? { x: 20, y: 20 } : await page.evaluate(addVideo, video);
        return await nextNotice(background.notices, async () => {
          await page.bringToFront();
          await page.mouse.click(point.x, point.y, { button: 'right' });
          // Firefox names an extension's menu items "<add-on>-menuitem-_<id>".
          await session.inBrowserWindow(pickMenuItem(`-menuitem-_${menuItemId}`));
        });
      } finally {
        await page.close();
      }
    },
    async sendStream({ page: url, menuItemId, variant }) {
      const page = await session.openWeb(url);
      try {
        const videoSrc = await blobVideoSrc(page);
        const point = await page.evaluate(() => {
          const box = document.querySelector('video')!.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        });
        const click = async () => {
          await page.bringToFront();
          await page.mouse.click(point.x, point.y, { button: 'right' });
          await session.inBrowserWindow(pickMenuItem(`-menuitem-_${menuItemId}`));
        };
        if (!variant) return { videoSrc, notice: await nextNotice(background.notices, click) };
        const before = new Set(await session.browser.pages());
        await click();
        const picker = await pickerWindow(session.browser, before, session.url('picker.html?'));
        return { videoSrc, picked: await sendVariant(picker, variant) };
      } finally {
        await page.close();
      }
    },
    async pressShortcut(command, url) {
      const shortcut = await session.scope.evaluate(async (name) => (await browser.commands.getAll()).find((c) => c.name === name)?.shortcut, command);
      if (!shortcut) throw new Error(`the command ${command} has no shortcut`);
      const page = await session.openWeb(url);
      try {
        return await nextNotice(background.notices, async () => {
          await page.bringToFront();
          await session.inBrowserWindow(pressKeys(shortcut));
        });
      } finally {
        await page.close();
      }
    },
  };
  return background;
}
