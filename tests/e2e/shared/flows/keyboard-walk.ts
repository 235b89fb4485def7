import { expect } from 'vitest';
import { css, label, role, type Found, type Ui } from '../driver/driver';
import type { FlowEnv } from './scope';

// One walk by keyboard alone, in either browser: after each page is opened by
// its URL, only key presses (Tab, Shift+Tab, Enter, Space, arrows, typing)
// drive it. Add an account in Options, send a URL from the popup, upload a file
// in the manager (the file chooser itself is the system's: the key press on
// "Choose files" must open it, and the test hands it the file), then copy the
// links in History. Every stop on the way shows a visible focus ring.

export interface KeyboardWalk<U extends Ui> {
  /** The media.cm account the walk adds (the host simulator knows its key). */
  key: string;
  name: string;
  /** A video file on disk, named walk-clip.mp4. */
  clip: string;
  /** What the clipboard holds, read as the browser's user would paste it. */
  readClipboard(ui: U): Promise<string>;
}

const isFocused = (target: Found) => target.evaluate((el) => el === document.activeElement, null).catch(() => false);

/** The focused element draws an outline (the :focus-visible ring in components/shared/base.css). */
async function expectFocusRing(target: Found, what: string): Promise<void> {
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { visible: el.matches(':focus-visible'), style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  }, null);
  expect(ring.visible, `${what} matches :focus-visible`).toBe(true);
  expect(ring.style, `${what}'s outline`).not.toBe('none');
  expect(ring.width, `${what}'s outline width`).toBeGreaterThanOrEqual(2);
}

/** Presses Tab (or Shift+Tab) until the target has focus; fails after `most` presses. Checks the focus ring on arrival. */
async function tabTo(ui: Ui, target: Found, what: string, { back = false, most = 60 } = {}): Promise<void> {
  for (let i = 0; i < most; i++) {
    await ui.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) return expectFocusRing(target, what);
  }
  throw new Error(`Tab never reached ${what}`);
}

export async function walkByKeyboard<U extends Ui>(env: FlowEnv<U>, walk: KeyboardWalk<U>): Promise<void> {
  const { session, sim } = env;

  // Options: the add form. The host search picks media.cm as the first match.
  const options = await session.open('options.html');
  await options.find(role('heading', 'VidRelay options')).waitFor();
  await tabTo(options, options.find(label('Find by name or feature')), 'the host search');
  await options.type('media.cm');
  await expect.poll(() => options.find(label('Host')).value()).toBe('media.cm');
  await tabTo(options, options.find(label('API base URL')), 'API base URL');
  await options.press('Control+a');
  await options.type(sim.apiBase('media.cm'));
  await tabTo(options, options.find(label('API key')), 'API key');
  await options.type(walk.key);
  await tabTo(options, options.find(label('Name')), 'Name');
  await options.type(walk.name);
  await tabTo(options, options.find(role('button', 'Save')), 'Save');
  await options.press('Enter');
  const row = options.find(role('list', 'Accounts'), css('li', walk.name));
  await row.waitFor();

  // The confirm() a Remove opens is the browser's own modal: dismissing it leaves the focus on the button that opened it.
  const remove = row.find(role('button', `Remove ${walk.name}`));
  await tabTo(options, remove, 'Remove', { back: true, most: 80 });
  options.dismissNextDialog();
  await options.press('Enter');
  await expect.poll(() => isFocused(remove)).toBe(true);
  await expect(row.count()).resolves.toBe(1);
  await options.close();

  // Popup: type a URL, send it.
  const popup = await session.open('popup.html');
  await popup.find(role('heading', 'VidRelay')).waitFor();
  const video = sim.videoUrl('walk-remote', 4096);
  await tabTo(popup, popup.find(label('Video URLs')), 'Video URLs');
  await popup.type(video);
  await tabTo(popup, popup.find(role('button', 'Send')), 'Send');
  await popup.press('Enter');
  await expect.poll(() => popup.find(role('form', 'Send URLs'), role('status')).text()).toMatch(/Sent 1 URL\b/);
  await expect.poll(() => sim.remoteUploads.some((r) => r.url === video), { timeout: 15_000 }).toBe(true);
  await popup.close();

  // Manager: the tabs by arrows, Home and End, then a file through the chooser the key press opens.
  const manager = await session.open('manager.html');
  await manager.find(role('heading', 'VidRelay manager')).waitFor();
  const tab = (name: string) => manager.find(role('tab', name));
  const selectedTab = () => manager.find(css('[role="tab"][aria-selected="true"]')).text();
  await tabTo(manager, tab('Upload'), 'the Upload tab');
  await manager.press('ArrowRight');
  await expect.poll(selectedTab).toBe('Files');
  expect(await isFocused(tab('Files'))).toBe(true);
  await manager.press('End');
  await expect.poll(selectedTab).toBe('History');
  await manager.press('ArrowRight');
  await expect.poll(selectedTab).toBe('Upload');
  await manager.press('End');
  await manager.press('Home');
  await expect.poll(selectedTab).toBe('Upload');
  expect(await isFocused(tab('Upload'))).toBe(true);
  await manager.find(role('tabpanel', 'Upload')).waitFor();

  await tabTo(manager, manager.find(label('Choose files')), 'Choose files');
  // Enter and Space both open the chooser (Enter chooses nothing, Space the clip).
  await manager.chooseByKey('Enter', []);
  await manager.chooseByKey('Space', [walk.clip]);
  await manager.find(css('li[data-file-name="walk-clip.mp4"]')).waitFor();
  await tabTo(manager, manager.find(role('button', 'Start upload')), 'Start upload');
  await manager.press('Enter');
  const job = manager.find(role('list', 'Upload queue'), css('li[data-job-id]', 'walk-clip.mp4'));
  await expect.poll(() => job.attr('data-state'), { timeout: 30_000 }).toMatch(/encoding|ready/);
  // The live region said the upload started and, at the end, finished, without flooding.
  await expect.poll(() => manager.find(css('[data-testid="job-announcer"]')).text(), { timeout: 30_000 }).toMatch(/walk-clip\.mp4: (started|finished)/);

  // History: both links, copied by keyboard.
  await tabTo(manager, tab('Upload'), 'the Upload tab', { back: true, most: 80 });
  await manager.press('End');
  await manager.find(role('tabpanel', 'History')).waitFor();
  await expect.poll(() => manager.find(css('li[data-job-id] a[data-field="link"]')).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await tabTo(manager, manager.find(role('button', 'Copy links')), 'Copy links');
  await manager.press('Enter');
  await manager.find(css('[role="status"]', /Copied/)).waitFor();
  const copied = await walk.readClipboard(manager);
  const remote = sim.remoteUploads.find((r) => r.url === video)?.fileCode;
  expect(remote).toBeTruthy();
  expect(copied).toContain(remote);
  expect(copied.trim().split('\n').length).toBeGreaterThanOrEqual(2);
  await manager.close();
}
