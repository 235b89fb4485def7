import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { stopServiceWorker } from '../../browsers/chromium-worker';
import { storedJobsIn } from '../../browsers/jobs-db';
import { accountEntriesSeed } from '../../browsers/stored-accounts';
import { HistoryPage } from '../shared/pages/HistoryPage';
import { accountSchema } from '../../../lib/accounts';
import { jobRecordVersion } from '../../../lib/queue/store/db';

// History's "Clear finished jobs…" deletes history for good: it asks first
// (and "Keep them" keeps everything), then removes only finished jobs (ready,
// failed, interrupted) created before the chosen day, a mirror only when all of
// it is finished, and keeps every unfinished job however old.

const KEY = 'e2e-clear-key-0001';
const day = 86_400_000;
const now = Date.now();
const old = now - 60 * day;
/** "Created before": 30 days ago, in the date input's own form. */
const cutoff = new Date(now - 30 * day).toISOString().slice(0, 10);
let sim: HostSim;
let session: ExtensionSession;
let history: HistoryPage;

/** Job records as the job store writes them (record version jobRecordVersion). */
function remote(id: string, state: string, createdAt: number, extra: Record<string, unknown> = {}) {
  const finished = state === 'failed' || state === 'interrupted';
  return {
    v: jobRecordVersion,
    id,
    kind: 'remote',
    accountId: 'acc_media',
    state,
    url: `https://videos.example/${id}.mp4`,
    title: id,
    options: {},
    createdAt,
    updatedAt: createdAt + 5_000,
    attempts: 1,
    ...(finished ? { error: { code: 'server', message: 'The host had trouble.' } } : {}),
    ...extra,
  };
}

const removedIds = ['old-ready', 'old-failed', 'old-interrupted', 'old-mirror-a', 'old-mirror-b'];
const keptIds = ['recent-ready', 'old-encoding', 'half-mirror-a', 'half-mirror-b'];

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 600_000 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'clear' });
  // The host is still encoding these (started in an hour), whenever the queue asks.
  const encoding = () => sim.addFile('media.cm', KEY, { title: 'still encoding', status: 'encoding', encodeStartedAt: Date.now() + 3_600_000 }).code;
  const ready = () => sim.addFile('media.cm', KEY, { title: 'done' }).code;
  const done = (code: string) => ({ fileCode: code, links: { watch: `${sim.origin}/${code}` } });
  const records = [
    remote('old-ready', 'ready', old, done(ready())),
    remote('old-failed', 'failed', old + 1_000),
    remote('old-interrupted', 'interrupted', old + 2_000),
    remote('old-mirror-a', 'ready', old + 3_000, { ...done(ready()), group: { id: 'old-mirror', index: 0 } }),
    remote('old-mirror-b', 'failed', old + 3_000, { group: { id: 'old-mirror', index: 1 } }),
    remote('recent-ready', 'ready', now - 5 * day, done(ready())),
    remote('old-encoding', 'encoding', old + 4_000, { fileCode: encoding() }),
    remote('half-mirror-a', 'ready', old + 5_000, { ...done(ready()), group: { id: 'half-mirror', index: 0 } }),
    remote('half-mirror-b', 'encoding', old + 5_000, { fileCode: encoding(), group: { id: 'half-mirror', index: 1 } }),
  ];

  session = await launchExtension();
  const worker = await session.worker();
  const account = accountSchema.parse({ id: 'acc_media', hostId: 'media.cm', label: 'Media Clear', apiBase: sim.apiBase('media.cm'), key: KEY, createdAt: 1 });
  await worker.evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
  await worker.evaluate(async (list) => {
    for (let i = 0; i < 100 && !(await indexedDB.databases()).some((d) => d.name === 'vidrelay-jobs'); i++) await new Promise((r) => setTimeout(r, 100));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('vidrelay-jobs');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    // Past the extension's writer: its kept counts go with it (counted again when next asked for).
    const tx = db.transaction(['jobs', 'meta'], 'readwrite');
    tx.objectStore('meta').delete('rowCounts');
    for (const record of list) tx.objectStore('jobs').put(record);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
  // Written past the running worker: a new one reads them as a later browser session would.
  const blank = await session.context.newPage();
  await stopServiceWorker(session, blank);
  await blank.close();
  history = await HistoryPage.open(session);
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

const storedIds = async () => (await storedJobsIn(await session.worker())).map((j) => j.id).sort();

describe('Clear finished jobs', () => {
  it('asks first, and "Keep them" removes nothing', async () => {
    // Seven rows: five single jobs and two mirrors.
    await expect.poll(() => history.count().textContent(), { timeout: 15_000 }).toBe('7 jobs');
    await history.page.getByRole('button', { name: 'Clear finished jobs…' }).click();
    const panel = history.page.getByRole('region', { name: 'Clear finished jobs…' });
    await expect(panel.textContent()).resolves.toContain('They cannot be brought back');
    await expect(panel.getByLabel('Created before').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await panel.getByRole('button', { name: 'Keep them' }).click();
    await expect(panel.count()).resolves.toBe(0);
    expect(await storedIds()).toEqual([...removedIds, ...keptIds].sort());
    await expect(history.count().textContent()).resolves.toBe('7 jobs');
  });

  it('removes the finished jobs created before the day, and only those', async () => {
    // The popup keeps a copy of the rows it showed (components/hooks/lastShown.ts): the clear forgets it.
    const copy = () => history.page.evaluate(() => localStorage.getItem('vidrelay.lastShown.v1.recentJobs'));
    const popup = await session.context.newPage();
    await popup.goto(session.url('popup.html'));
    await popup.locator('[data-job-id]').first().waitFor();
    await expect.poll(copy).toContain('"id"');
    await popup.close();
    await history.page.getByRole('button', { name: 'Clear finished jobs…' }).click();
    const panel = history.page.getByRole('region', { name: 'Clear finished jobs…' });
    await panel.getByLabel('Created before').fill(cutoff);
    await panel.getByRole('button', { name: 'Remove them' }).click();
    await expect.poll(() => history.page.getByRole('status').filter({ hasText: 'removed' }).textContent()).toBe(`${removedIds.length} jobs removed.`);
    // Kept: the recent finished job, the old one still encoding, and the old mirror one of whose members is.
    expect(await storedIds()).toEqual([...keptIds].sort());
    await expect.poll(() => history.count().textContent()).toBe('3 jobs');
    const rows = await history.jobs().evaluateAll((items) => items.map((li) => li.getAttribute('data-job-id')).filter(Boolean));
    expect([...rows].sort()).toEqual(['half-mirror', 'old-encoding', 'recent-ready']);
    expect(await copy()).toBeNull();
  });
});
