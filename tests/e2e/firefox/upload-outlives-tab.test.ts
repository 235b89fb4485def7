import { seededAccount } from '../../browsers/stored-accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { PopupPage } from '../shared/pages/PopupPage';
import { UploadPage } from '../shared/pages/UploadPage';
import { storedJobsIn } from '../../browsers/jobs-db';
import type { FlowEnv } from '../shared/flows/scope';
import * as uploads from '../shared/flows/uploads';
import { fileDir, type FileDir } from '../shared/flows/files-on-disk';
import { firefoxBackground, launchFirefox, type FirefoxSession } from '../../browsers/firefox';

// In Firefox the event page holds the Files and runs the uploads: closing the
// manager tab loses nothing. Firefox here unloads an idle event page after
// 2 s (instead of 30 s), so the tests also see what an unload does mid-queue.

const KEY = 'ff-outlive-key-0001';
const idleMs = 2000;
let sim: HostSim;
let session: FirefoxSession;
let files: FileDir;
let env: FlowEnv;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The job database as the add-on holds it (one IndexedDB record per job). */
const storedJobs = () => storedJobsIn(session.scope);

/** Marks the event page's window; after an unload the mark is gone. */
const mark = () => session.background((bg) => ((bg as unknown as { e2eMark?: number }).e2eMark = 1), null);
const marked = () => session.background((bg) => (bg as unknown as { e2eMark?: number }).e2eMark === 1, null);

beforeAll(async () => {
  files = await fileDir();
  sim = await startHostSim({ encodeMs: 300 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'outliver' });
  session = await launchFirefox({ idleTimeout: idleMs });
  env = { session, sim, background: firefoxBackground(session) };
  const account = seededAccount(sim, 'acc_media', 'media.cm', 'Media Outlive', KEY, { createdAt: 1 });
  await session.background((bg, data) => bg.browser.storage.local.set({ accounts: { version: 1, data } }), [account]);
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await files?.remove();
});

describe('Firefox: uploads outlive the manager tab', () => {
  it('finishes every upload after the tab closed, each sent once, the event page kept alive meanwhile', async () => {
    const names = ['india-clip.mp4', 'juliet-clip.mp4', 'kilo-clip.mp4'];
    const paths = await Promise.all(names.map((name) => files.make(name, 8 * 1024 * 1024)));
    // Each upload is held 5 s by the host: far past the 2 s idle limit.
    sim.fault({ kind: 'slow', match: '/upload/01', delayMs: 5000, times: 3 });
    const upload = await UploadPage.open(session);
    await upload.chooseFiles(paths);
    await upload.start();
    await upload.waitForState('india-clip.mp4', ['uploading', 'sending'], 20_000);
    await mark();
    await upload.ui.close();

    // No extension page is open now; the uploads go on in the event page.
    const until = Date.now() + 60_000;
    while (sim.uploads.filter((u) => names.includes(u.name)).length < names.length && Date.now() < until) await sleep(250);
    const landed = sim.uploads.filter((u) => names.includes(u.name));
    expect(landed.map((u) => u.name).sort()).toEqual([...names].sort());
    // The same window ran them all: never unloaded while it had work.
    expect(await marked()).toBe(true);
    const settled = async () => (await storedJobs()).filter((j) => names.includes(j.file?.name ?? '') && ['encoding', 'ready'].includes(j.state)).length;
    await expect.poll(settled, { timeout: 20_000 }).toBe(names.length);
    const jobs = (await storedJobs()).filter((j) => names.includes(j.file?.name ?? ''));
    expect(jobs.every((j) => j.fileCode && landed.some((u) => u.fileCode === j.fileCode))).toBe(true);

    // With nothing left to send, Firefox may unload the page again.
    await sleep(idleMs + 12_000);
    expect(await marked()).toBe(false);
  }, 120_000);

  it('resumes remote jobs after the event page was unloaded mid-queue, none sent twice', async () => {
    const urls = ['lima', 'mike', 'november', 'oscar'].map((name) => sim.videoUrl(`ff-${name}`, 16 * 1024));
    // The host takes 4 s to answer each of the first two: the page is unloaded with requests in flight.
    sim.fault({ kind: 'slow', match: 'upload/url', delayMs: 4000, times: 2 });
    const popup = await PopupPage.open(session);
    await popup.sendUrls(urls, 'Media Outlive');
    await mark();
    await popup.ui.close();
    // Unloaded: nothing holds it (in-flight fetches do not count).
    await sleep(idleMs + 4000);
    expect(await marked()).toBe(false);

    // The page woke (the check above woke it, as the poll alarm or a page would): every URL gets its link.
    const again = await PopupPage.open(session);
    const settled = async () => (await storedJobs()).filter((j) => urls.includes(j.url ?? '') && ['encoding', 'ready'].includes(j.state) && j.fileCode);
    await expect.poll(async () => (await settled()).length, { timeout: 60_000, interval: 500 }).toBe(urls.length);
    for (const url of urls)
      expect(
        sim.remoteUploads.filter((r) => r.url === url),
        url,
      ).toHaveLength(1);
    for (const job of await settled()) await again.ui.find({ css: `a[data-field="link"][href*="${job.fileCode}"]` }).waitFor();
    await again.ui.close();
  }, 120_000);

  it(
    'when the event page loses a held File anyway (the add-on restarts), the job asks for the file again and one choice resumes it',
    () =>
      uploads.resumesAfterUploaderLost(env, files, {
        name: 'papa-clip.mp4',
        bytes: 8 * 1024 * 1024,
        delayMs: 6000,
        onTheWay: ['uploading', 'sending'],
        async restart(upload) {
          // What a browser restart does to the event page: everything it held is gone, the stored queue is not.
          await upload.ui.evaluate(() => void (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(), undefined);
          await sleep(3000);
          // The reload closed every extension page.
          return UploadPage.open(session);
        },
        // Straight into the hidden file input that the "Choose file again" button opens: no native picker to answer.
        chooseAgain: (upload, path) => upload.job('papa-clip.mp4', { label: 'File for papa-clip.mp4' }).setFiles([path]),
        waits: { interrupted: 30_000, finished: 40_000 },
      }),
    120_000,
  );
});
