import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { PopupPage } from '../shared/pages/PopupPage';
import { accountEntriesSeed, seededAccount } from '../../browsers/stored-accounts';

// A remote upload the host takes without naming the file ({"status":200,
// "msg":"WORKING"}), in the built extension: the job says it waits for the
// host, then gets its link from the host's remote-upload list, and the URL
// went to the host exactly once.

const KEY = 'e2e-pending-key-0001';
let sim: HostSim;
let session: ExtensionSession;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 1_000 });
  sim.addAccount({ hostId: 'doodstream.com', key: KEY, login: 'pending' });
  sim.remoteWithoutCode('doodstream.com');
  session = await launchExtension();
  const worker = await session.worker();
  const account = seededAccount(sim, 'acc_dood', 'doodstream.com', 'Dood E2E', KEY, { defaults: {}, createdAt: 1 });
  await worker.evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('a remote upload accepted without a file code', () => {
  it('shows "Waiting for the host", then its link, with exactly one upload/url request', async () => {
    const popup = await PopupPage.open(session);
    const video = sim.videoUrl('pending-e2e', 16 * 1024);
    await popup.sendUrls([video], 'Dood E2E');
    await expect(popup.status().text()).resolves.toMatch(/Sent 1 URL/);
    const waiting = popup.waiting('host');
    await waiting.waitFor({ timeout: 15_000 });
    await expect(waiting.find({ css: '.badge' }).text()).resolves.toBe('Waiting for the host');
    await expect(waiting.find({ css: 'a[data-field="link"]' }).count()).resolves.toBe(0);
    await expect.poll(() => sim.remoteUploads.find((r) => r.url === video)?.ok, { timeout: 10_000 }).toBe(true);

    const worker = await session.worker();
    // The queue's alarm looks for the file (30 s apart); ask it to look now instead of waiting.
    await expect
      .poll(
        async () => {
          await worker.evaluate(() => chrome.alarms.create('queue-poll', { when: Date.now() + 50 }));
          return popup.job('ready').count();
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBe(1);
    const record = sim.remoteUploads.find((r) => r.url === video)!;
    await expect(popup.links().attr('href')).resolves.toContain(record.fileCode);
    await expect(popup.waiting('host').count()).resolves.toBe(0);
    const sent = sim.requests.filter((r) => r.hostId === 'doodstream.com' && r.path.endsWith('/upload/url'));
    expect(sent).toHaveLength(1);
    await popup.ui.close();
  });
});
