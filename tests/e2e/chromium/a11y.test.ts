import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { menuClick } from '../../browsers/chromium-worker';
import { seedShowcase } from '../shared/flows/showcase';
import { fileDir, type FileDir } from '../shared/flows/files-on-disk';
import { axeFindings, countByImpact, describeFindings } from '../shared/a11y';
import { ManagerPage } from '../shared/pages/ManagerPage';
import { OptionsPage } from '../shared/pages/OptionsPage';
import { PickerPage } from '../shared/pages/PickerPage';
import { PopupPage } from '../shared/pages/PopupPage';
import { UploadPage } from '../shared/pages/UploadPage';
import type { PlaywrightUi } from '../shared/driver/playwright';
import { role } from '../shared/driver/driver';

// axe-core over every page in the states a user sees, in light and dark: the
// popup with jobs, options with accounts and with the edit form open, the
// manager's tabs (upload queue, files with a file's details, account, history),
// the welcome page and the picker. Any finding at any impact fails, and the
// failure lists rule, impact and the elements it found. In each state, Tab
// alone must also reach every control, each with a visible focus ring.

const KEY = 'a11y-media-key-2024';
const VIP_KEY = 'a11y-vip-key-2024';
let sim: HostSim;
let session: ExtensionSession;
let files: FileDir;

/** Runs axe in light, then in dark (the same page, its scheme switched), and expects nothing found in either. */
async function expectClean(page: Page, state: string): Promise<void> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Transitions and re-renders after the scheme change settle first.
    await page.waitForTimeout(100);
    const findings = await axeFindings(page);
    console.info(`axe ${state} ${scheme}: ${JSON.stringify(countByImpact(findings))}`);
    if (findings.length > 0) found.push(`${state}, ${scheme}:\n${describeFindings(findings)}`);
  }
  expect.soft(found.join('\n\n'), 'axe findings').toBe('');
  await expectKeyboardReach(page, state);
}

/**
 * Tabs through the whole page from the top: every control a mouse can use
 * (enabled, shown; of a tab list the selected tab, of a radio group the checked
 * one) is reached, and each stop shows a focus ring (an outline of 2px or more).
 */
async function expectKeyboardReach(page: Page, state: string): Promise<void> {
  const total = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')];
    const usable = all.filter((el) => {
      if ((el as HTMLButtonElement).disabled || el.tabIndex < 0 || el.getClientRects().length === 0) return false;
      if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) {
        const group = document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`);
        if ([...group].some((r) => r.checked)) return false;
      }
      return true;
    });
    for (const [i, el] of usable.entries()) el.setAttribute('data-reach', String(i));
    // Tab starts from the focused element: start from a mark at the top of the page (out of the tab order itself).
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.id = 'reach-start';
    document.body.prepend(start);
    start.focus();
    return usable.length;
  });
  const reached = new Set<string>();
  const ringed = new Set<string>();
  // A control of several fields (a date) takes a Tab per field: it must show the ring at one of them at least.
  const noRing = new Map<string, string>();
  for (let i = 0; i < total + 20; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || !document.hasFocus()) return undefined;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      return {
        id: el.getAttribute('data-reach') ?? `unlisted ${el.outerHTML.slice(0, 80)}`,
        ring,
        what: `${el.outerHTML.slice(0, 120)} (outline: ${style.outlineStyle} ${style.outlineWidth})`,
      };
    });
    // Past the last control the focus leaves the page: one round is the check. (A date input takes a Tab per field.)
    if (!stop) {
      if (reached.size > 0) break;
      continue;
    }
    reached.add(stop.id);
    if (stop.ring) ringed.add(stop.id);
    else noRing.set(stop.id, stop.what);
  }
  await page.evaluate(() => document.getElementById('reach-start')?.remove());
  const missed = await page.evaluate(
    (seen) =>
      [...document.querySelectorAll('[data-reach]')].filter((el) => !seen.includes(el.getAttribute('data-reach')!)).map((el) => el.outerHTML.slice(0, 120)),
    [...reached],
  );
  expect.soft({ state, missed, noRing: [...noRing].filter(([id]) => !ringed.has(id)).map(([, what]) => what) }).toEqual({ state, missed: [], noRing: [] });
}

beforeAll(async () => {
  files = await fileDir();
  sim = await startHostSim({ encodeMs: 200 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'a11y-user' });
  sim.addAccount({ hostId: 'vipstream.cc', key: VIP_KEY, login: 'vip-user' });
  const trips = sim.addFolder('vipstream.cc', VIP_KEY, 'Trips');
  for (const title of ['Alpha clip', 'Beta clip']) sim.addFile('vipstream.cc', VIP_KEY, { title, length: 95, views: 7 });
  sim.addFile('vipstream.cc', VIP_KEY, { title: 'Delta clip', folderId: trips.id });
  session = await launchExtension();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const ext = await session.open('options.html');
  await seedShowcase(ext, sim, { key: KEY, otherKey: 'a11y-other-key', defaults: { linkFormat: 'bbcode' } });
  await ext.evaluate((account) => chrome.runtime.sendMessage({ vidrelay: 1, type: 'accounts.save', payload: { account } }), {
    hostId: 'vipstream.cc',
    apiBase: sim.apiBase('vipstream.cc'),
    enabled: true,
    allowHttp: false,
    label: 'Vip files',
    key: VIP_KEY,
    defaults: {},
  });
  await ext.close();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await files?.remove();
});

describe('axe finds nothing, light and dark', () => {
  it('popup with jobs', async () => {
    const popup = await PopupPage.open(session);
    await expect.poll(() => popup.jobs().count()).toBe(2);
    await expectClean(popup.page, 'popup');
    await popup.ui.close();
  });

  it('options with accounts, then with the edit form open', async () => {
    const options = await OptionsPage.open(session);
    await options.accounts('Media main').waitFor();
    await expectClean(options.page, 'options');
    await options.editAccount('Media main');
    await expectClean(options.page, 'options-edit');
    await options.ui.close();
  });

  it('manager: upload tab with a chosen file, then with the upload queued', async () => {
    const upload = await UploadPage.open<PlaywrightUi>(session);
    await upload.chooseAccount('Media main');
    await upload.chooseFiles([await files.make('a11y-clip.mp4', 64 * 1024)]);
    await upload.pending('a11y-clip.mp4').waitFor();
    await upload.details('a11y-clip.mp4');
    await expectClean(upload.page, 'manager-upload-pending');
    await upload.start();
    await upload.job('a11y-clip.mp4').waitFor();
    await expectClean(upload.page, 'manager-upload-queue');
    await upload.ui.close();
  });

  it("manager: files listing, a file's details, account and history", async () => {
    const manager = await ManagerPage.open<PlaywrightUi>(session, 'Files');
    await manager.chooseFilesAccount('Vip files');
    await expect.poll(() => manager.fileTitles(), { timeout: 15_000 }).toHaveLength(3);
    await manager.selectFile('Beta clip');
    await expectClean(manager.page, 'manager-files');
    await manager.openFile('Alpha clip');
    await expectClean(manager.page, 'manager-file-details');
    await manager.openTab('Account');
    await manager.page.waitForTimeout(1000);
    await expectClean(manager.page, 'manager-account');
    await manager.openTab('History');
    await expect.poll(() => manager.page.locator('li[data-job-id]').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await expectClean(manager.page, 'manager-history');
    await manager.ui.close();
  });

  it('welcome page', async () => {
    const ui = await session.open('welcome.html');
    await ui.find(role('heading')).waitFor();
    await ui.page.waitForTimeout(300);
    await expectClean(ui.page, 'welcome');
    await ui.close();
  });

  it('picker', async () => {
    const page = await session.context.newPage();
    await page.goto(sim.pageUrl('links'), { waitUntil: 'load' });
    const next = PickerPage.next(session);
    const accountId = await (await session.worker()).evaluate(async () => {
      const raw = (await chrome.storage.local.get('accountEntries')) as { accountEntries: { order: string[] } };
      return raw.accountEntries.order[0];
    });
    await menuClick(session, page, { menuItemId: `account:${accountId}` });
    const picker = await next;
    await expectClean(picker.page, 'picker');
    await picker.page.close();
    await page.close();
  });
});
