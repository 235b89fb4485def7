import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { startHostSim, type HostSim } from '../host-sim';
import { launchExtension, type ExtensionSession } from './browser';
import { UploadPage } from './pages/UploadPage';
import { label, role } from './ui/driver';
import { storedJobsIn } from './jobs-db';
import { accountEntriesSeed } from './stored';

// File uploads through the real build in Chromium against the host simulator:
// progress in the page, a service worker stopped mid-queue, a dropped
// connection, a 509, and a file chosen again after its upload was cut.

const KEY = 'e2e-upload-key-0001';
let sim: HostSim;
let session: ExtensionSession;
let dir: string;

async function makeFile(name: string, bytes: number): Promise<string> {
  const path = join(dir, name);
  const chunk = Buffer.alloc(Math.min(bytes, 1 << 20), name.charCodeAt(0));
  const parts: Buffer[] = [];
  for (let left = bytes; left > 0; left -= chunk.length) parts.push(left >= chunk.length ? chunk : chunk.subarray(0, left));
  await writeFile(path, Buffer.concat(parts));
  return path;
}

async function seedAccount(worker: Worker): Promise<void> {
  const account = { id: 'acc_media', hostId: 'media.cm', label: 'Media Uploads', apiBase: sim.apiBase('media.cm'), key: KEY, enabled: true, allowHttp: false, defaults: { tags: 'e2e' }, createdAt: 1 };
  await worker.evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
}

async function storedJobs(): Promise<{ id: string; state: string; file?: { name: string } }[]> {
  const worker = await session.worker();
  return storedJobsIn(worker);
}

/** Stops the extension's service worker through CDP, as Chrome does when it is idle, and proves a new one took over. */
async function stopServiceWorker(page: import('playwright-core').Page): Promise<void> {
  const before = await session.worker();
  await before.evaluate(() => ((globalThis as { e2eMarker?: number }).e2eMarker = 1));
  const cdp = await session.context.newCDPSession(page);
  const versions: { versionId: string; runningStatus: string; scriptURL: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: typeof versions }) => versions.push(...e.versions));
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => versions.some((v) => v.runningStatus === 'running' && v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`))).toBe(true);
  const running = versions.find((v) => v.runningStatus === 'running' && v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`))!;
  await cdp.send('ServiceWorker.stopWorker', { versionId: running.versionId });
  await expect.poll(() => versions.some((v) => v.versionId === running.versionId && v.runningStatus === 'stopped'), { timeout: 10_000 }).toBe(true);
  await cdp.detach();
  // Wake it the way a page does: a message.
  await page.evaluate(() => chrome.runtime.sendMessage({ vidrelay: 1, type: 'jobs.list', payload: {} }));
  const after = await session.worker();
  expect(await after.evaluate(() => (globalThis as { e2eMarker?: number }).e2eMarker ?? 'fresh')).toBe('fresh');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vidrelay-uploads-'));
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'uploader' });
  session = await launchExtension();
  await seedAccount(await session.worker());
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('file uploads', () => {
  it('uploads several files with progress in the page, through a service worker stop, each exactly once', async () => {
    const names = ['alpha-clip.mp4', 'bravo-clip.mp4', 'charlie-clip.mp4', 'delta-clip.mp4'];
    const paths = await Promise.all(names.map((name) => makeFile(name, 48 * 1024 * 1024)));
    // Each upload waits 3 s before the host reads its body: the page sees it part-way, and the worker can be stopped mid-queue.
    sim.fault({ kind: 'slow', match: '/upload/01', delayMs: 3000, times: 4 });
    const upload = await UploadPage.open(session);
    await upload.chooseFiles(paths);
    await upload.details('alpha-clip.mp4');
    await expect(upload.pending('alpha-clip.mp4', label('Tags')).value()).resolves.toBe('e2e');
    await upload.pending('alpha-clip.mp4', label('Title')).fill('Alpha title');
    await upload.start();

    // Progress is shown while the first files upload.
    await upload.waitForState('alpha-clip.mp4', ['uploading'], 20_000);
    await expect.poll(() => upload.field('alpha-clip.mp4', 'percent').text(), { timeout: 10_000 }).toMatch(/^\d+%$/);
    await expect(upload.field('alpha-clip.mp4', 'eta').text()).resolves.toMatch(/^ETA /);
    // Per-host limit 2: the last two wait.
    expect(await upload.stateOf('delta-clip.mp4')).toBe('queued');

    await stopServiceWorker(upload.page);
    // The page's polling wakes a new worker; recover() must leave the live uploads alone.
    for (const name of names) await upload.waitForState(name, ['encoding', 'ready'], 60_000);

    const landed = sim.uploads.filter((u) => names.includes(u.name));
    expect(landed.map((u) => u.name).sort()).toEqual([...names].sort());
    expect(landed.find((u) => u.name === 'alpha-clip.mp4')?.fields.file_title).toBe('Alpha title');
    const link = await upload.field('bravo-clip.mp4', 'link').attr('href');
    expect(link).toContain(landed.find((u) => u.name === 'bravo-clip.mp4')!.fileCode);
    const jobs = await storedJobs();
    expect(jobs.filter((j) => names.includes(j.file?.name ?? '')).every((j) => ['encoding', 'ready'].includes(j.state))).toBe(true);
    await upload.page.close();
  }, 150_000);

  it('shows a 509 as a clear failed state', async () => {
    const path = await makeFile('bandwidth-clip.mp4', 200 * 1024);
    sim.fault({ kind: 'status', status: 509, match: '/upload/01', times: 1 });
    const upload = await UploadPage.open(session);
    await upload.chooseFiles([path]);
    await upload.start();
    await upload.waitForState('bandwidth-clip.mp4', ['failed'], 30_000);
    const error = upload.field('bandwidth-clip.mp4', 'error');
    await expect(error.attr('data-code')).resolves.toBe('bandwidth');
    await expect(error.text()).resolves.toMatch(/bandwidth.*509.*(wait|upgrade)/i);
    expect(sim.uploads.some((u) => u.name === 'bandwidth-clip.mp4')).toBe(false);
    // Retry sends it again now that the host accepts it.
    await upload.job('bandwidth-clip.mp4', role('button', 'Retry bandwidth-clip.mp4')).click();
    await upload.waitForState('bandwidth-clip.mp4', ['encoding', 'ready'], 30_000);
    expect(sim.uploads.filter((u) => u.name === 'bandwidth-clip.mp4')).toHaveLength(1);
    await upload.page.close();
  }, 90_000);

  it('retries after a dropped connection, without a duplicate', async () => {
    const path = await makeFile('dropped-clip.mp4', 4 * 1024 * 1024);
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

  it('turns an upload whose uploader is gone into "choose the file again", and one click resumes it', async () => {
    const path = await makeFile('restart-clip.mp4', 24 * 1024 * 1024);
    sim.fault({ kind: 'slow', match: '/upload/01', delayMs: 4000, times: 1 });
    const upload = await UploadPage.open(session);
    await upload.chooseFiles([path]);
    await upload.start();
    await upload.waitForState('restart-clip.mp4', ['uploading'], 20_000);
    // What a browser restart does to an upload: the document holding the File is gone, then a fresh worker starts.
    const worker = await session.worker();
    await worker.evaluate(() => chrome.offscreen.closeDocument());
    await stopServiceWorker(upload.page);
    await upload.waitForState('restart-clip.mp4', ['interrupted'], 20_000);
    await expect(upload.field('restart-clip.mp4', 'error').text()).resolves.toMatch(/choose the file again/i);

    const chooser = upload.page.waitForEvent('filechooser');
    await upload.job('restart-clip.mp4', role('button', 'Choose file again for restart-clip.mp4')).click();
    await (await chooser).setFiles(path);
    await upload.waitForState('restart-clip.mp4', ['encoding', 'ready'], 30_000);
    expect(sim.uploads.filter((u) => u.name === 'restart-clip.mp4')).toHaveLength(1);
    await upload.page.close();
  }, 90_000);
});
