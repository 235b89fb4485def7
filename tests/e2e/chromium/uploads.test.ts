import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { chromiumBackground, stopServiceWorker as stopWorker } from '../../browsers/chromium-worker';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { fileDir, type FileDir } from '../shared/flows/files-on-disk';
import type { FlowEnv } from '../shared/flows/scope';
import * as uploads from '../shared/flows/uploads';
import { UploadPage } from '../shared/pages/UploadPage';
import { role } from '../shared/driver/driver';
import type { PlaywrightUi } from '../shared/driver/playwright';
import { accountEntriesSeed, seededAccount } from '../../browsers/stored-accounts';
import { storedJobsIn } from '../../browsers/jobs-db';

// File uploads through the real build in Chromium against the host simulator:
// progress in the page, a service worker stopped mid-queue, a dropped
// connection, a 509 (the first two shared with Firefox: tests/e2e/shared/flows/uploads.ts),
// a file chosen again after its upload was cut, and a hand-over the uploader never took.

const KEY = 'e2e-upload-key-0001';
let sim: HostSim;
let session: ExtensionSession;
let env: FlowEnv<PlaywrightUi>;
let files: FileDir;

async function seedAccount(worker: Worker): Promise<void> {
  const account = seededAccount(sim, 'acc_media', 'media.cm', 'Media Uploads', KEY, { defaults: { tags: 'e2e' }, createdAt: 1 });
  await worker.evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
}

/** Stops the extension's service worker through CDP, as Chrome does when it is idle, and proves a new one took over. */
async function stopServiceWorker(page: import('playwright-core').Page): Promise<void> {
  const before = await session.worker();
  await before.evaluate(() => ((globalThis as { e2eMarker?: number }).e2eMarker = 1));
  await stopWorker(session, page);
  // Wake it the way a page does: a message.
  await page.evaluate(() => chrome.runtime.sendMessage({ vidrelay: 1, type: 'jobs.list', payload: {} }));
  const after = await session.worker();
  expect(await after.evaluate(() => (globalThis as { e2eMarker?: number }).e2eMarker ?? 'fresh')).toBe('fresh');
}

beforeAll(async () => {
  files = await fileDir();
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'uploader' });
  session = await launchExtension();
  env = { session, sim, background: chromiumBackground(session) };
  await seedAccount(await session.worker());
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await files?.remove();
});

describe('file uploads', () => {
  it(
    'uploads several files with progress in the page, through a service worker stop, each exactly once',
    () =>
      uploads.uploadsSeveralFiles(env, files, {
        names: ['alpha-clip.mp4', 'bravo-clip.mp4', 'charlie-clip.mp4', 'delta-clip.mp4'],
        bytes: 48 * 1024 * 1024,
        // Each upload waits 3 s before the host reads its body: the page sees it part-way, and the worker can be stopped mid-queue.
        delayMs: 3000,
        tags: 'e2e',
        title: 'Alpha title',
        async midway(upload) {
          // Per-host limit 2: the last two wait.
          expect(await upload.stateOf('delta-clip.mp4')).toBe('queued');
          await stopServiceWorker(upload.page);
          // The page's polling wakes a new worker; recover() must leave the live uploads alone.
        },
      }),
    150_000,
  );

  it('shows a 509 as a clear failed state', () => uploads.failsOn509ThenRetries(env, files, 'bandwidth-clip.mp4'), 90_000);

  it('retries after a dropped connection, without a duplicate', async () => {
    const path = await files.make('dropped-clip.mp4', 4 * 1024 * 1024);
    // Chrome itself resends a request when a reused keep-alive connection resets. Let the earlier tests'
    // idle connections expire (the host closes them after 5 s), so at most the first drop is hidden that
    // way; the second reaches VidRelay.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    sim.fault({ kind: 'drop', match: '/upload/01', times: 2 });
    const upload = await UploadPage.open(session);
    await upload.chooseFiles([path]);
    await upload.start();
    const error = upload.field('dropped-clip.mp4', 'error');
    await error.waitFor({ timeout: 20_000 });
    await expect(error.attr('data-code')).resolves.toBe('network');
    await expect(error.text()).resolves.toMatch(/dropped.*Next try at/);
    expect(await upload.stateOf('dropped-clip.mp4')).toBe('queued');
    // The retry alarm fires no sooner than 30 s.
    await upload.waitForState('dropped-clip.mp4', ['encoding', 'ready'], 110_000);
    expect(sim.uploads.filter((u) => u.name === 'dropped-clip.mp4')).toHaveLength(1);
    await upload.page.close();
  }, 150_000);

  it('shows 50 finished uploads as one line each (state, name, account, link, copy, remove), within two screens', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `Finished ${String(i + 1).padStart(2, '0')} - the long road home.mp4`);
    const paths = await Promise.all(names.map((name) => files.make(name, 16 * 1024 + names.indexOf(name))));
    const upload = await UploadPage.open(session);
    // Screen size is Chromium-suite only: the Playwright page itself.
    const screen = { width: 1200, height: 900 };
    await upload.page.setViewportSize(screen);
    await upload.chooseFiles(paths);
    await upload.start();
    for (const name of names) await upload.waitForState(name, ['encoding', 'ready'], 60_000);
    const layout = await upload.finishedRows(names);
    const rowsHeight = layout.rows.reduce((sum, row) => sum + row.height, 0);
    console.info(
      `50 finished rows at ${screen.width}x${screen.height}: ${Math.max(...layout.rows.map((r) => r.height))} px each at most, ${rowsHeight} px together; the whole queue list ${layout.listHeight} px`,
    );
    expect(layout.rows).toHaveLength(50);
    for (const row of layout.rows) {
      expect(row.missing, row.name).toEqual([]);
      expect(row.oneLine, row.name).toBe(true);
      expect(row.height, row.name).toBeLessThanOrEqual(36);
    }
    expect(rowsHeight).toBeLessThanOrEqual(2 * screen.height);
    await upload.page.screenshot({ path: 'artifacts/screenshots/upload-50-finished.png', fullPage: true });
    // The details fold out below the line, and fold away again.
    const first = names[0]!;
    await upload.job(first, role('button', `Details for ${first}`)).click();
    await expect(upload.job(first, role('button', `Details for ${first}`)).attr('aria-expanded')).resolves.toBe('true');
    await upload.page.close();
  }, 150_000);

  it(
    'turns an upload whose uploader is gone into "choose the file again", and one click resumes it',
    () =>
      uploads.resumesAfterUploaderLost(env, files, {
        name: 'restart-clip.mp4',
        bytes: 24 * 1024 * 1024,
        delayMs: 4000,
        onTheWay: ['uploading'],
        async restart(upload) {
          // What a browser restart does to an upload: the document holding the File is gone, then a fresh worker starts.
          const worker = await session.worker();
          await worker.evaluate(() => chrome.offscreen.closeDocument());
          await stopServiceWorker(upload.page);
          return upload;
        },
        async chooseAgain(upload, path) {
          const chooser = upload.page.waitForEvent('filechooser');
          await upload.job('restart-clip.mp4', role('button', 'Choose file again for restart-clip.mp4')).click();
          await (await chooser).setFiles(path);
        },
        waits: { interrupted: 20_000, finished: 30_000 },
      }),
    90_000,
  );

  it('when the uploader does not take the files, says so and keeps them: nothing is queued or sent, and Start works again', async () => {
    const name = 'held-back-clip.mp4';
    const path = await files.make(name, 256 * 1024);
    const upload = await UploadPage.open(session);
    await upload.chooseFiles([path]);
    // The page hands its Files over on a BroadcastChannel (lib/upload/page/hand-over.ts): here they never reach the uploader.
    await upload.page.evaluate(() => {
      const post = BroadcastChannel.prototype.postMessage;
      (globalThis as { e2eRestoreChannel?: () => void }).e2eRestoreChannel = () => (BroadcastChannel.prototype.postMessage = post);
      BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
        if ((message as { type?: string } | null)?.type !== 'hold') post.call(this, message);
      };
    });
    await upload.ui.find(role('button', 'Start upload')).click();
    // The hand-over gives up after 10 s; the error reaches the page.
    const alert = upload.page.getByRole('alert').filter({ hasText: 'The uploader did not take the files. Reload this page and try again.' });
    await alert.waitFor({ timeout: 20_000 });
    // Nothing lost: the file is still there to start again; nothing was queued, nothing reached the host.
    expect(await upload.pending(name).count()).toBe(1);
    expect((await storedJobsIn(env.background.scope)).filter((j) => j.file?.name === name)).toEqual([]);
    expect(sim.uploads.some((u) => u.name === name)).toBe(false);
    await expect(upload.page.getByRole('button', { name: 'Start upload' }).isEnabled()).resolves.toBe(true);

    await upload.page.evaluate(() => (globalThis as { e2eRestoreChannel?: () => void }).e2eRestoreChannel?.());
    await upload.start();
    await upload.waitForState(name, ['encoding', 'ready'], 30_000);
    expect(sim.uploads.filter((u) => u.name === name)).toHaveLength(1);
    expect((await storedJobsIn(env.background.scope)).filter((j) => j.file?.name === name)).toHaveLength(1);
    await upload.page.close();
  }, 90_000);
});
