import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../host-sim';
import { launchExtension, type ExtensionSession } from './browser';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';
import { storedAccounts } from './stored';

// The first whole path a user walks: add an account, test it, send a URL, see the link.

const KEY = 'e2e-media-key-0001';
let sim: HostSim;
let session: ExtensionSession;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'e2e-user' });
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

async function accountIdOf(label: string): Promise<string> {
  return (await storedAccounts(await session.worker())).find((a) => a.label === label)?.id ?? '';
}

describe('foundation', () => {
  it('rejects a wrong key with a clear error', async () => {
    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'media.cm', apiBase: sim.apiBase('media.cm'), key: 'not-the-key' });
    await options.testConnection();
    await expect(options.error().attr('data-code')).resolves.toBe('auth');
    const text = await options.error().text();
    expect(text).toMatch(/key/i);
    expect(text).not.toContain('not-the-key');
    await options.page.close();
  });

  it('shows a clear error when the host is unreachable', async () => {
    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'media.cm', apiBase: 'http://127.0.0.1:9/api', key: KEY });
    await options.testConnection();
    await expect(options.error().attr('data-code')).resolves.toBe('network');
    await options.page.close();
  });

  it('adds an account through the options page and tests the connection', async () => {
    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'media.cm', apiBase: sim.apiBase('media.cm'), key: KEY, name: 'Media E2E' });
    await options.testConnection();
    await expect(options.accountInfo('login').text()).resolves.toBe('e2e-user');
    await options.save();
    await expect(options.accounts('Media E2E').count()).resolves.toBe(1);
    // The key is shown masked only.
    expect(await options.page.content()).not.toContain(KEY);
    await options.page.close();
  });

  it('sends a URL from the popup and shows its link', async () => {
    const popup = await PopupPage.open(session);
    const video = sim.videoUrl('popup-clip', 64 * 1024);
    await popup.sendUrls([video, 'blob:https://example.com/123'], 'Media E2E');
    await expect(popup.status().text()).resolves.toMatch(/Sent 1 URL/);
    await expect(popup.status().text()).resolves.toMatch(/Not sent: blob:/);
    const link = popup.page.locator('li[data-job-id] a[data-field="link"]').first();
    await link.waitFor({ timeout: 20_000 });
    const upload = sim.remoteUploads.find((r) => r.url === video);
    expect(upload).toBeDefined();
    expect(await link.getAttribute('href')).toContain(upload!.fileCode);
    await popup.page.close();
  });

  it('runs the context menu handler: sends srcUrl, refuses blob:', async () => {
    const accountId = await accountIdOf('Media E2E');
    expect(accountId).not.toBe('');
    const worker = await session.worker();
    const video = sim.videoUrl('menu-clip', 32 * 1024);
    const sent = await worker.evaluate(
      ({ id, src }) =>
        (globalThis as any).vidrelay.menuClick({ menuItemId: `account:${id}`, srcUrl: src, pageUrl: 'http://127.0.0.1/page' }),
      { id: accountId, src: video },
    );
    expect(sent).toHaveLength(1);
    await expect.poll(() => sim.remoteUploads.some((r) => r.url === video), { timeout: 10_000 }).toBe(true);

    const before = sim.remoteUploads.length;
    const refused = await worker.evaluate(
      ({ id }) => (globalThis as any).vidrelay.menuClick({ menuItemId: `account:${id}`, srcUrl: 'blob:http://127.0.0.1/abc' }),
      { id: accountId },
    );
    expect(refused).toHaveLength(0);
    expect(sim.remoteUploads.length).toBe(before);
  });
});
