import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchFirefox, type FirefoxSession } from '../../browsers/firefox';
import { seedShowcase } from '../shared/flows/showcase';
import { axeFindings, countByImpact, describeFindings } from '../shared/a11y';
import { ManagerPage } from '../shared/pages/ManagerPage';
import { OptionsPage } from '../shared/pages/OptionsPage';
import { PopupPage } from '../shared/pages/PopupPage';
import type { PuppeteerUi } from '../shared/driver/puppeteer';

// axe-core in Firefox over the popup with jobs, options with accounts and the
// manager's Upload and History tabs, in light and dark, in one browser.
// Firefox takes its colour scheme from prefs set at launch, and puppeteer over
// WebDriver BiDi cannot emulate the media feature, so the page is put in dark
// by turning the stylesheets' own (prefers-color-scheme: dark) rules on (their
// media made "all") with color-scheme dark for the built-in controls: the
// colours axe measures are the dark theme's, from the shipped CSS. (The
// screenshots suite checks the real dark pref in a browser of its own.)
// Any finding at any impact fails, listed by rule, impact and element.

const KEY = 'ff-a11y-media-key';
let sim: HostSim;
let session: FirefoxSession;

/** The page's body colours in each scheme (components/shared/base.css). */
const background = { light: 'rgb(255, 255, 255)', dark: 'rgb(13, 17, 23)' };

/** Turns the dark rules of the page's stylesheets on or off, then checks the body took the scheme's colour. */
async function showScheme(ui: PuppeteerUi, scheme: 'light' | 'dark'): Promise<void> {
  await ui.page.evaluate(`(() => {
    const dark = ${scheme === 'dark'};
    const marked = (globalThis.__darkRules ??= []);
    for (const sheet of document.styleSheets)
      for (const rule of sheet.cssRules)
        if (rule instanceof CSSMediaRule && /prefers-color-scheme:\\s*dark/.test(rule.media.mediaText)) marked.push(rule);
    for (const rule of marked) rule.media.mediaText = dark ? 'all' : '(prefers-color-scheme: dark)';
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  })()`);
  await expect.poll(() => ui.evaluate(() => getComputedStyle(document.body).backgroundColor, undefined)).toBe(background[scheme]);
}

/** Runs axe in light, then dark, on the open page and expects nothing found in either. */
async function expectClean(ui: PuppeteerUi, state: string): Promise<void> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await showScheme(ui, scheme);
    const findings = await axeFindings(ui.page);
    console.info(`axe firefox ${state} ${scheme}: ${JSON.stringify(countByImpact(findings))}`);
    if (findings.length > 0) found.push(`${state}, ${scheme}:\n${describeFindings(findings)}`);
  }
  expect.soft(found.join('\n\n'), 'axe findings').toBe('');
}

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 200 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'ff-a11y-user' });
  session = await launchFirefox();
  const ext = await session.open('options.html');
  await seedShowcase(ext, sim, { key: KEY, otherKey: 'ff-a11y-other-key', defaults: {} });
  await ext.close();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('axe in Firefox finds nothing, light and dark', () => {
  it('popup with jobs', async () => {
    const popup = await PopupPage.open(session);
    await expect.poll(() => popup.jobs().count()).toBe(2);
    await expectClean(popup.ui, 'popup');
    await popup.ui.close();
  });

  it('options with accounts, then the edit form', async () => {
    const options = await OptionsPage.open(session);
    await options.accounts('Media main').waitFor();
    await expectClean(options.ui, 'options');
    await options.editAccount('Media main');
    await expectClean(options.ui, 'options-edit');
    await options.ui.close();
  });

  it('manager: Upload and History tabs', async () => {
    const manager = await ManagerPage.open(session, 'Upload');
    await expectClean(manager.ui, 'manager-upload');
    await manager.openTab('History');
    await expect.poll(() => manager.ui.find({ css: 'li[data-job-id]' }).count(), { timeout: 15_000 }).toBe(2);
    await expectClean(manager.ui, 'manager-history');
    await manager.ui.close();
  });
});
