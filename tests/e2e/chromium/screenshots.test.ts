import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { chromiumArgs, chromiumPath, extensionDir, launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { seedShowcase } from '../shared/flows/showcase';
import { PlaywrightUi } from '../shared/driver/playwright';
import { role } from '../shared/driver/driver';
import { expectContent, expectScheme, type Scheme, type ShownPage } from '../shared/flows/shown';
import { chooseLanguageInOptions, documentLanguage, layoutProblems } from '../shared/flows/language';

// Screenshots of popup, options and manager in light and dark, saved for
// review in artifacts/screenshots/. Each shot first checks what it shows
// (tests/e2e/shared/flows/shown.ts): the scheme's colours on the page, and the
// content its own setup left there. Then the same pages in the language chosen
// in Options: the pseudo-locale (accented, ~40% longer) with no control cut
// off, Arabic (right to left) and Vietnamese, saved as <name>-<lang>-light.png.

const outDir = resolve('artifacts/screenshots');
const KEY = 'shots-media-key-2024';
let sim: HostSim;
let session: ExtensionSession;

const pages = [
  { name: 'popup', path: 'popup.html', viewport: { width: 400, height: 600 }, ready: 'VidRelay' },
  { name: 'options', path: 'options.html', viewport: { width: 900, height: 1300 }, ready: 'VidRelay options' },
  { name: 'manager', path: 'manager.html', viewport: { width: 1200, height: 800 }, ready: 'VidRelay manager' },
] as const;

/** Opens the page in the scheme, checks the scheme and the content it shows, then saves the shot as <name>-<scheme>.png. */
async function shoot(
  name: string,
  shown: ShownPage,
  path: string,
  viewport: { width: number; height: number },
  heading: string,
  scheme: Scheme,
  from = session,
): Promise<void> {
  const page: Page = await from.context.newPage();
  try {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(from.url(path));
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    const ui = new PlaywrightUi(page);
    await expectScheme(ui, scheme);
    await expectContent(ui, shown);
    // Let lists settle before the shot.
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, `${name}-${scheme}.png`), fullPage: true });
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  await mkdir(outDir, { recursive: true });
  sim = await startHostSim({ encodeMs: 200 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'shots-user' });
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('screenshots for review', () => {
  it('options with no account yet (empty state), light and dark', async () => {
    // A browser of its own: no account whatever ran before.
    const fresh = await launchExtension();
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await shoot('options-empty', 'options-empty', 'options.html', { width: 900, height: 900 }, 'VidRelay options', scheme, fresh);
      }
    } finally {
      await fresh.close();
    }
  });

  it('popup, options and manager, light and dark', async () => {
    const ext = await session.open('options.html');
    await seedShowcase(ext, sim, { key: KEY, otherKey: 'shots-other-key', defaults: { linkFormat: 'bbcode', tags: 'travel' } });
    await ext.close();

    for (const { name, path, viewport, ready } of pages) {
      for (const scheme of ['light', 'dark'] as const) await shoot(name, name, path, viewport, ready, scheme);
    }
  });
});

/** Chooses the language in Options, then checks and shoots popup, options and manager in it (light). */
async function shootLanguage(code: string, tag: string, dir: 'ltr' | 'rtl', variant: string): Promise<Record<string, string[]>> {
  const options = await session.open('options.html');
  await chooseLanguageInOptions(options, code, tag);
  await options.close();
  const problems: Record<string, string[]> = {};
  for (const { name, path, viewport } of pages) {
    const page: Page = await session.context.newPage();
    try {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(session.url(path));
      await page.locator('h1').first().waitFor();
      const ui = new PlaywrightUi(page);
      expect(await documentLanguage(ui)).toEqual({ lang: tag, dir, direction: dir });
      await expectScheme(ui, 'light');
      await expectContent(ui, name);
      await page.waitForTimeout(300);
      problems[name] = await layoutProblems(ui);
      await page.screenshot({ path: join(outDir, `${name}-${variant}-light.png`), fullPage: true });
    } finally {
      await page.close();
    }
  }
  return problems;
}

describe('in the language chosen in Options', () => {
  it('pseudo-locale (accented, ~40% longer): popup, options and manager cut off no control', async () => {
    const problems = await shootLanguage('en_XA', 'en-XA', 'ltr', 'pseudo');
    expect(problems).toEqual({ popup: [], options: [], manager: [] });
    // The check finds what it looks for: a button wider than the box that clips it, and one whose words do not fit it.
    const popup = await session.open('popup.html');
    await popup.page.setViewportSize({ width: 400, height: 600 });
    await popup.page.locator('h1').first().waitFor();
    await popup.evaluate(() => {
      const box = document.createElement('div');
      box.style.cssText = 'width: 60px; overflow: hidden';
      const wide = document.createElement('button');
      wide.style.cssText = 'white-space: nowrap';
      wide.textContent = 'Ŵīḓḗř ŧħȧƞ ŧħḗ ƀǿẋ';
      const cut = document.createElement('button');
      cut.style.cssText = 'white-space: nowrap; overflow: hidden; width: 50px';
      cut.textContent = 'Ŀǿƞɠḗř ŧħȧƞ ŧħḗ ƀŭŧŧǿƞ';
      box.append(wide);
      document.body.append(box, cut);
    }, undefined);
    const found = await layoutProblems(popup);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^button "Ŵīḓḗř ŧħȧƞ ŧħḗ ƀǿẋ": cut off by its container div/),
        expect.stringMatching(/^button "Ŀǿƞɠḗř ŧħȧƞ ŧħḗ ƀŭŧŧǿƞ": text \d+px in a \d+px box$/),
      ]),
    );
    await popup.close();
  });

  it('Arabic: right to left, the heading at the right, nothing cut off', async () => {
    const problems = await shootLanguage('ar', 'ar', 'rtl', 'ar');
    expect(problems).toEqual({ popup: [], options: [], manager: [] });
    const options = await session.open('options.html');
    await options.find(role('heading', 'خيارات VidRelay')).waitFor();
    const { heading, link, width } = await options.evaluate(
      () => ({
        heading: document.querySelector('h1')!.getBoundingClientRect().right,
        link: document.querySelector('header a')!.getBoundingClientRect().left,
        width: document.documentElement.clientWidth,
      }),
      undefined,
    );
    expect(heading).toBeGreaterThan(width / 2);
    expect(link).toBeLessThan(width / 2);
    await options.close();
  });

  it('Vietnamese, then back to as the browser', async () => {
    const problems = await shootLanguage('vi', 'vi', 'ltr', 'vi');
    expect(problems).toEqual({ popup: [], options: [], manager: [] });
    const options = await session.open('options.html');
    await chooseLanguageInOptions(options, 'browser', await options.evaluate(() => chrome.i18n.getUILanguage(), undefined));
    await options.find(role('heading', 'VidRelay options')).waitFor();
    await options.close();
  });
});

/** A fresh Chromium whose UI language is German, with the built extension. */
async function withGermanBrowser(run: (open: (path: string) => Promise<Page>) => Promise<void>): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'vidrelay-de-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'de-DE',
    args: [...chromiumArgs(extensionDir), '--lang=de'],
    env: { ...process.env, LANGUAGE: 'de', LANG: 'de_DE.UTF-8' },
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const host = new URL(worker.url()).host;
    await run(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${host}/${path}`);
      return page;
    });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

describe('German', () => {
  it('shows the options page in German when the browser is German', async () => {
    await withGermanBrowser(async (open) => {
      const page = await open('options.html');
      await page.setViewportSize({ width: 900, height: 900 });
      await page.getByRole('heading', { name: 'VidRelay-Einstellungen' }).waitFor();
      await page.getByRole('button', { name: 'Einstellungen exportieren' }).waitFor();
      await expect(page.getByLabel('API-Schlüssel').count()).resolves.toBe(1);
      await page.screenshot({ path: join(outDir, 'options-de-light.png'), fullPage: true });
    });
  });

  it('shows the popup and the manager frame in German, without overflow', async () => {
    await withGermanBrowser(async (open) => {
      await seedShowcase(new PlaywrightUi(await open('options.html')), sim, { key: KEY, otherKey: 'shots-other-key', defaults: {} });

      const popup = await open('popup.html');
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.getByRole('heading', { name: 'VidRelay', exact: true }).waitFor();
      await popup.getByRole('button', { name: 'Dateien hochladen' }).waitFor();
      await popup.getByLabel('Video-URLs').waitFor();
      await popup.getByRole('button', { name: 'Senden', exact: true }).waitFor();
      await popup.getByRole('heading', { name: 'Zuletzt' }).waitFor();
      const firstBadge = popup.getByRole('list', { name: 'Aufträge' }).locator('.badge').first();
      await firstBadge.waitFor();
      expect(['Wartet', 'Wird gesendet', 'Wird kodiert', 'Fertig']).toContain(await firstBadge.textContent());
      await popup.waitForTimeout(300);
      // Longer German words must neither widen the popup nor run into each other in the header.
      const layout = await popup.evaluate(() => {
        const boxes = [...document.querySelectorAll('header h1, header a, header button')].map((el) => ({ el, r: el.getBoundingClientRect() }));
        const clash = boxes.flatMap((a, i) =>
          boxes
            .slice(i + 1)
            .filter((b) => a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom)
            .map((b) => `${a.el.textContent} / ${b.el.textContent}`),
        );
        const clipped = boxes.filter(({ el }) => el.scrollWidth > el.clientWidth + 1).map(({ el }) => el.textContent);
        return { page: document.documentElement.scrollWidth, view: innerWidth, clash, clipped };
      });
      expect(layout.page).toBeLessThanOrEqual(layout.view);
      expect(layout.clash).toEqual([]);
      expect(layout.clipped).toEqual([]);
      await popup.screenshot({ path: join(outDir, 'popup-de-light.png'), fullPage: true });

      const manager = await open('manager.html#history');
      await manager.setViewportSize({ width: 1200, height: 800 });
      await manager.getByRole('heading', { name: 'VidRelay-Manager' }).waitFor();
      await expect(manager.getByRole('tab').allTextContents()).resolves.toEqual(expect.arrayContaining(['Hochladen', 'Dateien', 'Konto', 'Verlauf']));
      await manager.getByRole('tab', { name: 'Verlauf' }).and(manager.locator('[aria-selected="true"]')).waitFor();
      await manager.waitForTimeout(300);
      await manager.screenshot({ path: join(outDir, 'manager-de-light.png'), fullPage: true });
    });
  });
});
