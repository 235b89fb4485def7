import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { accountSchema } from '../../../lib/accounts';
import { settingsSchema } from '../../../lib/storage/settings';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { PickerPage } from '../shared/pages/PickerPage';
import { PopupPage } from '../shared/pages/PopupPage';
import { accountEntriesSeed } from '../../browsers/stored-accounts';

// "Send to host" on real pages served by host-sim: the menu's own handler runs in
// the service worker, looks into the tab with the injected finder, and the
// remote upload must reach the simulated host with the page's real video URL.

const MEDIA_KEY = 'e2e-send-media-0001';
const VIP_KEY = 'e2e-send-vip-0002';
let sim: HostSim;
let session: ExtensionSession;
const ids = { media: 'acc_media_e2e', vip: 'acc_vip_e2e' };

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 300 });
  sim.addAccount({ hostId: 'media.cm', key: MEDIA_KEY, login: 'media-user' });
  sim.addAccount({ hostId: 'vipstream.cc', key: VIP_KEY, login: 'vip-user' });
  session = await launchExtension();
  const accounts = [
    { id: ids.media, hostId: 'media.cm', label: 'Media E2E', apiBase: sim.apiBase('media.cm'), key: MEDIA_KEY },
    { id: ids.vip, hostId: 'vipstream.cc', label: 'Vip E2E', apiBase: sim.apiBase('vipstream.cc'), key: VIP_KEY },
  ].map((a) => accountSchema.parse({ ...a, createdAt: Date.now() }));
  const worker = await session.worker();
  // The versioned storage items, written as the options page would leave them.
  await worker.evaluate(
    async ({ seed, settings }) => {
      await chrome.storage.local.set({ ...seed, settings: { version: 1, data: settings } });
    },
    { seed: accountEntriesSeed(accounts), settings: settingsSchema.parse({ defaultAccountId: ids.media }) },
  );
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

async function openPage(name: string): Promise<{ page: Page; url: string; tabId: number }> {
  const url = sim.pageUrl(name);
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const worker = await session.worker();
  const tabId = await worker.evaluate(async (wanted) => (await chrome.tabs.query({})).find((t: { id?: number; url?: string }) => t.url === wanted)?.id ?? -1, url);
  expect(tabId).toBeGreaterThanOrEqual(0);
  return { page, url, tabId };
}

async function menuClick(info: Record<string, unknown>, tabId: number): Promise<{ id: string; kind: string }[]> {
  const worker = await session.worker();
  return worker.evaluate(
    ({ info, tabId }) =>
      (globalThis as any).vidrelay.menuClick(info, tabId).then((jobs: { id: string; kind: string }[]) => jobs.map(({ id, kind }) => ({ id, kind }))),
    { info, tabId },
  );
}

async function lastNotice(): Promise<{ title: string; message: string } | undefined> {
  const worker = await session.worker();
  return worker.evaluate(() => (globalThis as any).vidrelay.notices().at(-1));
}

const media = (path: string) => `${sim.origin}/media/${path}`;

async function uploadArrives(url: string, hostId = 'media.cm', after = 0) {
  await expect.poll(() => sim.remoteUploads.slice(after).find((r) => r.url === url && r.hostId === hostId), { timeout: 15_000 }).toBeDefined();
}

describe('send to host from a page', () => {
  it('a click on a page with a plain <video src> sends the video file, not the page', async () => {
    const { page, url, tabId } = await openPage('video');
    const before = sim.remoteUploads.length;
    const jobs = await menuClick({ menuItemId: `account:${ids.media}`, pageUrl: url, frameId: 0 }, tabId);
    expect(jobs).toHaveLength(1);
    await uploadArrives(media('sample.mp4'), 'media.cm', before);
    expect(sim.remoteUploads.slice(before).map((r) => r.url)).toEqual([media('sample.mp4')]);
    expect((await lastNotice())?.title).toBe('Sending to Media E2E');
    await page.close();
  });

  it('a blob: MediaSource player sends the og:video URL', async () => {
    const { page, url, tabId } = await openPage('mse');
    const blob = await page.locator('video#player').evaluate((v) => (v as HTMLVideoElement).src);
    expect(blob).toMatch(/^blob:/);
    const before = sim.remoteUploads.length;
    const jobs = await menuClick({ menuItemId: `account:${ids.vip}`, srcUrl: blob, pageUrl: url, frameId: 0 }, tabId);
    expect(jobs).toHaveLength(1);
    await uploadArrives(media('sample.mp4'), 'vipstream.cc', before);
    expect(sim.remoteUploads.slice(before).map((r) => r.url)).toEqual([media('sample.mp4')]);
    await page.close();
  });

  it('a page with several video links opens the picker; the one picked is sent', async () => {
    const { page, url, tabId } = await openPage('links');
    const before = sim.remoteUploads.length;
    const picker = PickerPage.next(session);
    expect(await menuClick({ menuItemId: `account:${ids.media}`, pageUrl: url }, tabId)).toEqual([]);
    const window = await picker;
    expect(await window.candidateUrls()).toEqual([media('episode-1.mp4'), media('episode-2.mp4?size=2097152'), media('episode-3.mp4')]);
    // Only the id travels in the picker's URL, never the candidates.
    expect(window.page.url()).not.toContain('episode');
    await expect(window.page.getByLabel('Send to').inputValue()).resolves.toBe(`account:${ids.media}`);
    await window.choose(['episode-2.mp4']);
    await window.sendTo('Vip E2E');
    await expect(window.status().textContent()).resolves.toBe('Sent 1 video to Vip E2E.');
    await uploadArrives(media('episode-2.mp4?size=2097152'), 'vipstream.cc', before);
    expect(sim.remoteUploads.slice(before).map((r) => r.url)).toEqual([media('episode-2.mp4?size=2097152')]);
    // The window closes itself after a moment.
    await window.page.waitForEvent('close', { timeout: 10_000 });
    await page.close();
  });

  it('a page with no video sends nothing and says so', async () => {
    const { page, url, tabId } = await openPage('none');
    const before = sim.remoteUploads.length;
    const pagesBefore = session.context.pages().length;
    expect(await menuClick({ menuItemId: `account:${ids.media}`, pageUrl: url }, tabId)).toEqual([]);
    expect(await lastNotice()).toEqual({ title: 'Nothing sent', message: expect.stringMatching(/^No video was found on this page/) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sim.remoteUploads.length).toBe(before);
    expect(session.context.pages().length).toBe(pagesBefore);
    await page.close();
  });

  it('the send-video shortcut sends the active tab’s video (JSON-LD) to the default account', async () => {
    const { page } = await openPage('jsonld');
    await page.bringToFront();
    const before = sim.remoteUploads.length;
    const worker = await session.worker();
    const jobs = await worker.evaluate(() => (globalThis as any).vidrelay.shortcut().then((j: unknown[]) => j.length));
    expect(jobs).toBe(1);
    await uploadArrives(media('jsonld-clip.mp4'), 'media.cm', before);
    await page.close();
  });

  it('mirrors one video to both accounts and lists both links once both are done', async () => {
    const { page, url, tabId } = await openPage('video');
    const before = sim.remoteUploads.length;
    const jobs = await menuClick({ menuItemId: 'mirror:all', pageUrl: url }, tabId);
    expect(jobs).toEqual([{ id: expect.any(String), kind: 'mirror' }]);
    await uploadArrives(media('sample.mp4'), 'media.cm', before);
    await uploadArrives(media('sample.mp4'), 'vipstream.cc', before);
    const records = sim.remoteUploads.slice(before);
    expect(records).toHaveLength(2);
    await expect.poll(() => records.every((r) => r.ok), { timeout: 15_000 }).toBe(true);

    const popup = await PopupPage.open(session);
    const parent = popup.page.locator(`li[data-job-id="${jobs[0].id}"]`);
    const worker = await session.worker();
    // Encoding is checked by the queue's alarm (30 s apart); ask it to look now instead of waiting.
    await expect
      .poll(
        async () => {
          await worker.evaluate(() => chrome.alarms.create('queue-poll', { when: Date.now() + 50 }));
          return parent.getAttribute('data-state');
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBe('ready');
    const mirror = parent.locator('[data-mirror-id]');
    await expect(mirror.getAttribute('data-done')).resolves.toBe('true');
    const links = await mirror.getByRole('list', { name: 'Mirror links' }).locator('a[data-field="mirror-link"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(2);
    for (const record of records) expect(links.some((href) => href?.includes(record.fileCode))).toBe(true);
    await expect(mirror.getByRole('button', { name: 'Copy all links' }).count()).resolves.toBe(1);
    // The children show inside the mirror, not as rows of their own: 4 single sends above, then this mirror.
    await expect(popup.page.locator('li[data-job-id]').count()).resolves.toBe(5);
    await popup.page.close();
    await page.close();
  });
});
