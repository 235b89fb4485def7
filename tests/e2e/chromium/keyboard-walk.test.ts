import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { fileDir, type FileDir } from '../shared/flows/files-on-disk';

// One walk by keyboard alone: after each page is opened by its URL, only key
// presses (Tab, Shift+Tab, Enter, Space, arrows, typing) drive it. Add an
// account in Options, send a URL from the popup, upload a file in the
// manager (the file chooser itself is the system's: the key press on the
// "Choose files" control must open it, and the test hands it the file), then
// copy the links in History. Every stop on the way shows a visible focus ring.

const KEY = 'walk-media-key-2024';
const LABEL = 'Walk media';
let sim: HostSim;
let session: ExtensionSession;
let files: FileDir;

beforeAll(async () => {
  files = await fileDir();
  sim = await startHostSim({ encodeMs: 200 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'walker' });
  session = await launchExtension();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await files?.remove();
});

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab (or Shift+Tab) until the target has focus; fails after `most` presses. Checks the focus ring on arrival. */
async function tabTo(page: Page, target: Locator, { back = false, most = 60 } = {}): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target.first())) {
      await expectFocusRing(target.first());
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element draws an outline (the :focus-visible ring in components/shared/base.css). */
async function expectFocusRing(target: Locator): Promise<void> {
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { visible: el.matches(':focus-visible'), style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(ring.visible, `${target} matches :focus-visible`).toBe(true);
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.url(path));
  return page;
}

describe('keyboard alone', () => {
  it('adds an account, sends a URL, uploads a file and copies the links', async () => {
    // Options: the add form. The host search picks media.cm as the first match.
    const options = await open('options.html');
    await options.getByRole('heading', { name: 'VidRelay options' }).waitFor();
    await tabTo(options, options.getByLabel('Find by name or feature'));
    await options.keyboard.type('media.cm');
    await expect(options.getByLabel('Host', { exact: true }).inputValue()).resolves.toBe('media.cm');
    await tabTo(options, options.getByLabel('API base URL'));
    await options.keyboard.press('ControlOrMeta+a');
    await options.keyboard.type(sim.apiBase('media.cm'));
    await tabTo(options, options.getByLabel('API key'));
    await options.keyboard.type(KEY);
    await tabTo(options, options.getByLabel('Name', { exact: true }));
    await options.keyboard.type(LABEL);
    await tabTo(options, options.getByRole('button', { name: 'Save', exact: true }));
    await options.keyboard.press('Enter');
    const row = options.getByRole('list', { name: 'Accounts' }).locator('li', { hasText: LABEL });
    await row.waitFor();

    // The confirm() a Remove opens is the browser's own modal: Escape-like dismissal leaves the focus on the button that opened it.
    const remove = row.getByRole('button', { name: `Remove ${LABEL}` });
    await tabTo(options, remove, { back: true, most: 80 });
    options.once('dialog', (dialog) => void dialog.dismiss());
    await options.keyboard.press('Enter');
    await expect.poll(() => isFocused(remove)).toBe(true);
    await expect(row.count()).resolves.toBe(1);
    await options.close();

    // Popup: type a URL, send it.
    const popup = await open('popup.html');
    await popup.getByRole('heading', { name: 'VidRelay', exact: true }).waitFor();
    const video = sim.videoUrl('walk-remote', 4096);
    await tabTo(popup, popup.getByLabel('Video URLs'));
    await popup.keyboard.type(video);
    await tabTo(popup, popup.getByRole('button', { name: 'Send', exact: true }));
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('form', { name: 'Send URLs' }).getByRole('status').textContent()).resolves.toMatch(/Sent 1 URL\b/);
    await expect.poll(() => sim.remoteUploads.some((r) => r.url === video), { timeout: 15_000 }).toBe(true);
    await popup.close();

    // Manager: the tabs by arrows, Home and End, then a file through the chooser the key press opens.
    const manager = await open('manager.html');
    // Playwright turns the browser's chooser interception on when a first listener is added and
    // off when the last goes, without waiting: a listener held for the whole page keeps it on, so a
    // key press never races it (a waitForEvent alone, just before the press, sometimes lost).
    const holdChooser = () => {};
    manager.on('filechooser', holdChooser);
    await manager.getByRole('heading', { name: 'VidRelay manager' }).waitFor();
    const tab = (name: string) => manager.getByRole('tab', { name, exact: true });
    const selectedTab = () => manager.locator('[role="tab"][aria-selected="true"]').textContent();
    await tabTo(manager, tab('Upload'));
    await manager.keyboard.press('ArrowRight');
    await expect.poll(selectedTab).toBe('Files');
    expect(await isFocused(tab('Files'))).toBe(true);
    await manager.keyboard.press('End');
    await expect.poll(selectedTab).toBe('History');
    await manager.keyboard.press('ArrowRight');
    await expect.poll(selectedTab).toBe('Upload');
    await manager.keyboard.press('End');
    await manager.keyboard.press('Home');
    await expect.poll(selectedTab).toBe('Upload');
    expect(await isFocused(tab('Upload'))).toBe(true);
    await manager.getByRole('tabpanel', { name: 'Upload' }).waitFor();

    const clip = await files.make('walk-clip.mp4', 48 * 1024);
    await tabTo(manager, manager.getByLabel('Choose files'));
    // Enter and Space both open the chooser (Enter chooses nothing, Space the clip).
    for (const [key, chosen] of [
      ['Enter', []],
      ['Space', [clip]],
    ] as const) {
      const chooser = manager.waitForEvent('filechooser', { timeout: 5000 });
      await manager.keyboard.press(key);
      await (await chooser).setFiles([...chosen]);
    }
    manager.off('filechooser', holdChooser);
    await manager.locator('li[data-file-name="walk-clip.mp4"]').waitFor();
    await tabTo(manager, manager.getByRole('button', { name: 'Start upload' }));
    await manager.keyboard.press('Enter');
    const job = manager.getByRole('list', { name: 'Upload queue' }).locator('li[data-job-id]', { hasText: 'walk-clip.mp4' });
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 30_000 }).toMatch(/encoding|ready/);
    // The live region said the upload started and, at the end, finished, without flooding.
    await expect.poll(() => manager.getByTestId('job-announcer').textContent(), { timeout: 30_000 }).toMatch(/walk-clip\.mp4: (started|finished)/);

    // History: both links, copied by keyboard.
    await tabTo(manager, tab('Upload'), { back: true, most: 80 });
    await manager.keyboard.press('End');
    await manager.getByRole('tabpanel', { name: 'History' }).waitFor();
    await expect.poll(() => manager.locator('li[data-job-id] a[data-field="link"]').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await tabTo(manager, manager.getByRole('button', { name: 'Copy links', exact: true }));
    await manager.keyboard.press('Enter');
    await manager.locator('[role="status"]', { hasText: /Copied/ }).waitFor();
    const copied = await manager.evaluate(() => navigator.clipboard.readText());
    const codes = [sim.remoteUploads.find((r) => r.url === video)?.fileCode];
    for (const code of codes) expect(copied).toContain(code);
    expect(copied.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    await manager.close();
  });
});
