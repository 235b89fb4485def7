import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { PopupPage } from '../shared/pages/PopupPage';
import { css, role } from '../shared/driver/driver';
import { accountEntriesSeed, seededAccount } from '../../browsers/stored-accounts';

// The connection drops after the host stored a remote upload, before any
// byte of its answer. The request came on a reused keep-alive connection,
// so Chromium sends it again by itself before VidRelay hears of any error:
// the host holds two files from one send, and the answer VidRelay reads
// names the second. The job must say the host holds a second copy, and
// "Remove the second copy" must remove that one (and only that one).

const KEY = 'e2e-second-copy-key-0001';
let sim: HostSim;
let session: ExtensionSession;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 1_000 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'twice' });
  session = await launchExtension();
  const worker = await session.worker();
  const account = seededAccount(sim, 'acc_media', 'media.cm', 'Media E2E', KEY, { defaults: {}, createdAt: 1 });
  await worker.evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('a remote upload whose answer was lost after the host stored it', () => {
  it('says the host holds a second copy, and removes it when asked', async () => {
    const popup = await PopupPage.open(session);
    const video = sim.videoUrl('landed-twice', 16 * 1024);
    // Only a request on a connection that carried an earlier one is dropped: that is the one Chromium re-sends.
    sim.fault({ kind: 'drop-reply', match: '/upload/url', hostId: 'media.cm', reusedOnly: true, times: 1 });
    const worker = await session.worker();
    // The worker's own request to the host a moment before leaves the connection open for the upload's.
    await worker.evaluate((url) => fetch(url).then((r) => r.text()), `${sim.apiBase('media.cm')}/account/info?key=${KEY}`);
    await popup.sendUrls([video], 'Media E2E');
    await expect(popup.status().text()).resolves.toMatch(/Sent 1 URL/);

    const note = popup.ui.find(css('li[data-job-id] [data-field="note"]'));
    await note.waitFor({ timeout: 15_000 });
    await expect(note.text()).resolves.toContain('the host holds a second copy');

    // The browser sent upload/url twice, the first on the reused connection; VidRelay sent it once.
    const sent = sim.requests.filter((r) => r.hostId === 'media.cm' && r.path.endsWith('/upload/url'));
    expect(sent).toHaveLength(2);
    expect(sent[0]!.reused).toBe(true);
    const stored = sim.remoteUploads.filter((r) => r.url === video);
    expect(stored).toHaveLength(2);
    const jobs = await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('vidrelay-jobs');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      return new Promise<{ fileCode?: string; attempts: number; secondCopy?: { codes: string[] } }[]>((resolve) => {
        const all = db.transaction('jobs').objectStore('jobs').getAll();
        all.onsuccess = () => resolve(all.result);
      });
    });
    expect(jobs).toHaveLength(1);
    const [first, second] = stored.map((r) => r.fileCode);
    expect(jobs[0]).toMatchObject({ attempts: 1, fileCode: second, secondCopy: { codes: [first] } });
    await expect(note.text()).resolves.toContain(first!);

    await popup.ui.find(role('button', 'Remove the second copy')).click();
    await expect.poll(() => note.text(), { timeout: 10_000 }).toBe('The second copy was removed from the host.');
    const files = [...sim.accountFor('media.cm', KEY)!.files.keys()];
    expect(files).toEqual([second]);
    await expect(popup.ui.find(role('button', 'Remove the second copy')).count()).resolves.toBe(0);
    await popup.ui.close();
  });
});
