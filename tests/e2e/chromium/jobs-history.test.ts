import { seededAccount } from '../../browsers/stored-accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { stopServiceWorker as stopWorker } from '../../browsers/chromium-worker';
import { stateCounts, storedJobsIn } from '../../browsers/jobs-db';
import { HistoryPage } from '../shared/pages/HistoryPage';
import { PopupPage } from '../shared/pages/PopupPage';

// The job store in the real build: a profile holding the old single `jobs`
// record updated to this build, a browser restart on the same profile, and
// a worker stopped with work left while no extension page is open.

const KEY = 'e2e-history-key-0001';
const OLD_JOBS = 20_000;
let sim: HostSim;
let profile: string;
let session: ExtensionSession | undefined;

async function seedAccount(s: ExtensionSession): Promise<void> {
  const worker = await s.worker();
  const account = seededAccount(sim, 'acc_media', 'media.cm', 'Media Uploads', KEY, { createdAt: 1 });
  // The account list of version 1 (one record), as the build before per-entry accounts kept it.
  await worker.evaluate((data) => chrome.storage.local.set({ accounts: { version: 1, data } }), [account]);
}

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 600_000 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'history' });
  profile = await mkdtemp(join(tmpdir(), 'vidrelay-history-'));
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('job store in the built extension', () => {
  it('moves a profile holding the old single jobs record (20,000 jobs) into the job database: History shows every job and new sends go through', async () => {
    session = await launchExtension({ userDataDir: profile });
    await seedAccount(session);
    // Today's shape, as the old build wrote it: one record with every job by id, WXT's version beside it.
    await (await session.worker()).evaluate(async (count) => {
      const jobs: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        const id = `old-${i}`;
        jobs[id] = {
          id,
          kind: 'remote',
          accountId: 'acc_media',
          state: i % 10 ? 'ready' : 'failed',
          url: `https://videos.example/${i % 3 ? 'clip' : 'holiday'}-${i}.mp4`,
          options: {},
          createdAt: 1_700_000_000_000 + i * 1000,
          updatedAt: 1_700_000_000_000 + i * 1000,
          attempts: 1,
          ...(i % 10
            ? { fileCode: `old${i}`, links: { watch: `https://media.example/old${i}` } }
            : { error: { code: 'server', message: 'The host had trouble.' } }),
        };
      }
      jobs.broken = { id: 'broken', kind: 'remote', state: 'exploded' };
      await chrome.storage.local.set({ jobs, jobs$: { v: 1 } });
    }, OLD_JOBS);
    // The update: the browser restarts on the same profile, and the new worker moves the record.
    await session.close();
    session = await launchExtension({ userDataDir: profile });

    const history = await HistoryPage.open(session);
    await expect.poll(() => history.count().textContent(), { timeout: 60_000 }).toBe('20,000 jobs');
    await expect(history.page.locator('[data-field="unreadable-jobs"]').textContent()).resolves.toMatch(/^1 stored jobs? could not be read.*broken/);
    const worker = await session.worker();
    expect(await worker.evaluate(async () => Object.keys(await chrome.storage.local.get(['jobs', 'jobs$'])))).toEqual([]);
    await history.search('holiday');
    await expect.poll(() => history.count().textContent(), { timeout: 10_000 }).toBe('6,667 of 20,000 jobs');

    const popup = await PopupPage.open(session);
    await popup.sendUrls([sim.videoUrl('after-update', 4096)]);
    await popup.job('encoding').waitFor({ timeout: 30_000 });
    expect(sim.requests.filter((r) => r.path.endsWith('/upload/url'))).toHaveLength(1);
    // The History tab, open all along, follows the new job without being reloaded.
    await history.search('');
    await expect.poll(() => history.count().textContent(), { timeout: 10_000 }).toBe('20,001 jobs');
    await popup.page.close();
    await history.page.close();
  }, 180_000);

  it('a worker stopped with sends in flight and no extension page open resumes by itself, sending each URL once', async () => {
    const s = session!;
    const before = sim.remoteUploads.length;
    // (The one sent after the update is encoding too.)
    sim.fault({ kind: 'slow', match: '/upload/url', delayMs: 4000, times: 3 });
    const popup = await PopupPage.open(s);
    await popup.sendUrls(['idle-one', 'idle-two', 'idle-three'].map((name) => sim.videoUrl(name, 4096)));
    await popup.page.close();
    const blank = await s.context.newPage();
    await stopWorker(s, blank);
    const stoppedAt = sim.requests.length;
    // Nothing of the extension is open; only its alarm can wake it: a new worker's recovery asks the host for its files.
    await expect.poll(() => sim.requests.slice(stoppedAt).some((r) => r.path.includes('/file/list')), { timeout: 150_000, interval: 1000 }).toBe(true);
    // And it sends what was still queued, still with no page open.
    await expect.poll(() => sim.remoteUploads.length - before, { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(3);
    const worker = await s.worker();
    await expect.poll(async () => (await stateCounts(worker)).encoding ?? 0, { timeout: 60_000 }).toBe(4);
    const jobs = await storedJobsIn(worker);
    for (const name of ['idle-one', 'idle-two', 'idle-three']) {
      expect(jobs.filter((j) => j.url?.includes(name)).map((j) => j.state)).toEqual(['encoding']);
    }
    // Each URL is on the host once: a send cut off was found there, not made a second time.
    const account = sim.accountFor('media.cm', KEY)!;
    for (const name of ['idle-one', 'idle-two', 'idle-three']) {
      expect(
        [...account.files.values()].filter((f) => f.title.includes(name)),
        name,
      ).toHaveLength(1);
    }
    await blank.close();
  }, 240_000);

  it('a new worker keeps the poll time the last one set', async () => {
    const s = session!;
    const worker = await s.worker();
    const set = await worker.evaluate(async () => (await chrome.alarms.get('queue-poll'))?.scheduledTime);
    expect(set).toBeGreaterThan(Date.now());
    const blank = await s.context.newPage();
    await stopWorker(s, blank);
    const popup = await PopupPage.open(s);
    await popup.jobs().waitFor();
    const after = await (await s.worker()).evaluate(async () => (await chrome.alarms.get('queue-poll'))?.scheduledTime);
    expect(after).toBe(set);
    await popup.page.close();
    await blank.close();
  }, 90_000);
});
