import { expect } from 'vitest';
import { OptionsPage } from '../pages/OptionsPage';
import { PopupPage } from '../pages/PopupPage';
import { storedAccounts } from '../../../browsers/stored-accounts';
import type { Ui } from '../driver/driver';
import type { FlowEnv } from './scope';

// The first whole path a user walks, the same in every browser: add an
// account (after a wrong key and an unreachable host), send URLs from the
// popup and see their links, then "Send to host" from a page's context menu and by the shortcut.

/** The media.cm account the scenario adds: the key the host simulator knows, its login there, and the name to save it under. */
export interface FoundationAccount {
  key: string;
  login: string;
  label: string;
}

export async function rejectsWrongKey({ session, sim }: FlowEnv): Promise<void> {
  const options = await OptionsPage.open(session);
  await options.fillAccount({ host: 'media.cm', apiBase: sim.apiBase('media.cm'), key: 'not-the-key' });
  await options.testConnection();
  await expect(options.error().attr('data-code')).resolves.toBe('auth');
  const text = await options.error().text();
  expect(text).toMatch(/key/i);
  expect(text).not.toContain('not-the-key');
  await options.ui.close();
}

export async function reportsUnreachableHost({ session }: FlowEnv, account: FoundationAccount): Promise<void> {
  const options = await OptionsPage.open(session);
  await options.fillAccount({ host: 'media.cm', apiBase: 'http://127.0.0.1:9/api', key: account.key });
  await options.testConnection();
  await expect(options.error().attr('data-code')).resolves.toBe('network');
  await options.ui.close();
}

export async function addsAccount({ session, sim }: FlowEnv, account: FoundationAccount): Promise<void> {
  const options = await OptionsPage.open(session);
  await options.fillAccount({ host: 'media.cm', apiBase: sim.apiBase('media.cm'), key: account.key, name: account.label });
  await options.testConnection();
  await expect(options.accountInfo('login').text()).resolves.toBe(account.login);
  await options.save();
  await expect(options.accounts(account.label).count()).resolves.toBe(1);
  // The key is shown masked only.
  expect(await pageHtml(options.ui)).not.toContain(account.key);
  await options.ui.close();
}

/** Sends the videos (and a blob: URL, refused) from the popup; each video's link shows. */
export async function sendsUrlsFromPopup({ session, sim }: FlowEnv, account: FoundationAccount, clips: { name: string; bytes: number }[]): Promise<void> {
  const popup = await PopupPage.open(session);
  const videos = clips.map(({ name, bytes }) => sim.videoUrl(name, bytes));
  await popup.sendUrls([...videos, 'blob:https://example.com/123'], account.label);
  await expect(popup.status().text()).resolves.toMatch(new RegExp(`Sent ${videos.length} URLs?\\b`));
  await expect(popup.status().text()).resolves.toMatch(/Not sent: blob:/);
  await expect.poll(() => popup.links().count(), { timeout: 20_000 }).toBe(videos.length);
  const hrefs = await popup.ui.evaluate(
    () => [...document.querySelectorAll('li[data-job-id] a[data-field="link"]')].map((a) => a.getAttribute('href')),
    undefined,
  );
  const codes = videos.map((url) => sim.remoteUploads.find((r) => r.url === url)?.fileCode);
  expect(codes.every(Boolean)).toBe(true);
  for (const code of codes) expect(hrefs.some((href) => href?.includes(code!))).toBe(true);
  await popup.ui.close();
}

/** "Send to host" from a page's context menu: a right-clicked video goes to the account; a blob: one is refused. */
export async function sendsFromContextMenu({ background, sim }: FlowEnv, account: FoundationAccount, name: string): Promise<void> {
  const accountId = (await storedAccounts(background.scope)).find((a) => a.label === account.label)?.id ?? '';
  expect(accountId).not.toBe('');
  const video = sim.videoUrl(name, 32 * 1024);
  const sent = await background.sendFromMenu({ url: sim.pageUrl('none'), video, menuItemId: `account:${accountId}` });
  expect(sent).toMatchObject({ title: `Sending to ${account.label}`, message: video });
  await expect.poll(() => sim.remoteUploads.filter((r) => r.url === video).length, { timeout: 10_000 }).toBe(1);

  const before = sim.remoteUploads.length;
  const refused = await background.sendFromMenu({ url: sim.pageUrl('none'), video: 'blob', menuItemId: `account:${accountId}` });
  expect(refused.title).toBe('Nothing sent');
  expect(refused.message).toMatch(/No video was found on this page/);
  expect(sim.remoteUploads.length).toBe(before);
}

/** The send-video shortcut on a page with a video sends that video to the (only, so default) account. */
export async function sendsWithShortcut({ background, sim }: FlowEnv, account: FoundationAccount): Promise<void> {
  const before = sim.remoteUploads.length;
  const video = `${sim.origin}/media/sample.mp4`;
  const sent = await background.pressShortcut('send-video', sim.pageUrl('video'));
  expect(sent).toMatchObject({ title: `Sending to ${account.label}`, message: video });
  await expect.poll(() => sim.remoteUploads.slice(before).map((r) => r.url), { timeout: 10_000 }).toEqual([video]);
}

/** The page's markup as it stands (what a key must never be part of). */
export function pageHtml(ui: Ui): Promise<string> {
  return ui.evaluate(() => document.documentElement.outerHTML, undefined);
}
