import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../host-sim';
import { OptionsPage } from '../e2e/pages/OptionsPage';
import { PopupPage } from '../e2e/pages/PopupPage';
import { launchFirefox, type FirefoxSession } from './firefox';

// The first whole path a user walks, in Firefox: add an account, test it,
// send URLs from the popup, see the links; then the context menu's handler.

const KEY = 'ff-media-key-0001';
let sim: HostSim;
let session: FirefoxSession;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'ff-user' });
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('Firefox foundation', () => {
  it('rejects a wrong key with a clear error that does not echo it', async () => {
    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'media.cm', apiBase: sim.apiBase('media.cm'), key: 'not-the-key' });
    await options.testConnection();
    await expect(options.error().attr('data-code')).resolves.toBe('auth');
    const text = await options.error().text();
    expect(text).toMatch(/key/i);
    expect(text).not.toContain('not-the-key');
    await options.ui.close();
  });

  it('adds an account in Options: Test connection, Save', async () => {
    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'media.cm', apiBase: sim.apiBase('media.cm'), key: KEY, name: 'Media FF' });
    await options.testConnection();
    await expect(options.accountInfo('login').text()).resolves.toBe('ff-user');
    await options.save();
    await expect(options.accounts('Media FF').count()).resolves.toBe(1);
    // The key is shown masked only.
    expect(await options.page.content()).not.toContain(KEY);
    await options.ui.close();
  });

  it('sends URLs from the popup and shows their links', async () => {
    const popup = await PopupPage.open(session);
    const videos = [sim.videoUrl('ff-popup-one', 64 * 1024), sim.videoUrl('ff-popup-two', 32 * 1024)];
    await popup.sendUrls([...videos, 'blob:https://example.com/123'], 'Media FF');
    await expect(popup.status().text()).resolves.toMatch(/Sent 2 URLs/);
    await expect(popup.status().text()).resolves.toMatch(/Not sent: blob:/);
    await expect.poll(() => popup.links().count(), { timeout: 20_000 }).toBe(2);
    const hrefs = await Promise.all([0, 1].map((i) => popup.ui.page.$$eval('li[data-job-id] a[data-field="link"]', (as, n) => as[n].getAttribute('href'), i)));
    const codes = videos.map((url) => sim.remoteUploads.find((r) => r.url === url)?.fileCode);
    expect(codes.every(Boolean)).toBe(true);
    for (const code of codes) expect(hrefs.some((href) => href?.includes(code!))).toBe(true);
    await popup.ui.close();
  });

  it('runs the context menu handler in the event page: sends srcUrl, refuses blob:', async () => {
    const accountId = await session.background(async (bg, name) => {
      // One stored entry per account (lib/account-store.ts).
      const raw = (await bg.browser.storage.local.get('accountEntries')) as { accountEntries?: { entries?: Record<string, { data: { id: string; label: string } }> } };
      return Object.values(raw.accountEntries?.entries ?? {}).find((e) => e.data?.label === name)?.data.id ?? '';
    }, 'Media FF');
    expect(accountId).not.toBe('');
    const video = sim.videoUrl('ff-menu-clip', 32 * 1024);
    const sent = await session.background(
      (bg, { id, src }) => bg.vidrelay.menuClick({ menuItemId: `account:${id}`, srcUrl: src, pageUrl: 'http://127.0.0.1/page' }),
      { id: accountId, src: video },
    );
    expect(sent).toHaveLength(1);
    await expect.poll(() => sim.remoteUploads.some((r) => r.url === video), { timeout: 10_000 }).toBe(true);

    const before = sim.remoteUploads.length;
    const refused = await session.background((bg, id) => bg.vidrelay.menuClick({ menuItemId: `account:${id}`, srcUrl: 'blob:http://127.0.0.1/abc' }), accountId);
    expect(refused).toHaveLength(0);
    expect(sim.remoteUploads.length).toBe(before);
  });
});
