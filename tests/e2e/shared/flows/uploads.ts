import { expect } from 'vitest';
import { storedJobsIn } from '../../../browsers/jobs-db';
import { UploadPage } from '../pages/UploadPage';
import { label, role, type Ui } from '../driver/driver';
import type { FileDir } from './files-on-disk';
import type { FlowEnv } from './scope';

// File uploads from the manager's Upload tab against the host simulator, the
// same in every browser: several files with progress, a 509, and the relay.
// Where the uploads run differs (Chrome: an offscreen document; Firefox: the
// event page), so what a suite does to its background mid-queue is its own.

export interface SeveralUploads<U extends Ui> {
  names: string[];
  bytes: number;
  /** How long the host waits before reading each body, so the page shows them part-way. */
  delayMs: number;
  /** The account's default tags, shown on each pending file. */
  tags: string;
  /** Typed as the first file's title. */
  title: string;
  /** What the suite does while the first file uploads (the others still waiting). */
  midway?(upload: UploadPage<U>): Promise<void>;
}

/** The files go up with progress shown, at most two at once, each exactly once, the first with the title typed for it; each row links its file. */
export async function uploadsSeveralFiles<U extends Ui>({ session, sim, background }: FlowEnv<U>, files: FileDir, run: SeveralUploads<U>): Promise<void> {
  const { names } = run;
  const [first] = names;
  const paths = await Promise.all(names.map((name) => files.make(name, run.bytes)));
  sim.fault({ kind: 'slow', match: '/upload/01', delayMs: run.delayMs, times: names.length });
  const upload = await UploadPage.open(session);
  await upload.chooseFiles(paths);
  await upload.details(first);
  await expect(upload.pending(first, label('Tags')).value()).resolves.toBe(run.tags);
  await upload.pending(first, label('Title')).fill(run.title);
  await upload.start();

  await upload.waitForState(first, ['uploading'], 20_000);
  // Percent and ETA read together from one look at the row: the upload may end soon after the host's hold,
  // sooner than a loaded machine takes for one lookup after another.
  const progress = () =>
    upload.ui.evaluate((name) => {
      const row = [...document.querySelectorAll('[aria-label="Upload queue"] li[data-job-id]')].find((li) => li.textContent?.includes(name));
      return ['percent', 'eta'].map((field) => row?.querySelector(`[data-field="${field}"]`)?.textContent ?? '');
    }, first);
  await expect.poll(progress, { timeout: 10_000 }).toEqual([expect.stringMatching(/^\d+%$/), expect.stringMatching(/^ETA /)]);
  // Per-host limit 2: never three on the way at once.
  expect(await upload.ui.find({ css: 'li[data-job-id][data-state="sending"], li[data-job-id][data-state="uploading"]' }).count()).toBeLessThanOrEqual(2);
  await run.midway?.(upload);

  for (const name of names) await upload.waitForState(name, ['encoding', 'ready'], 60_000);
  const landed = sim.uploads.filter((u) => names.includes(u.name));
  expect(landed.map((u) => u.name).sort()).toEqual([...names].sort());
  expect(landed.find((u) => u.name === first)?.fields.file_title).toBe(run.title);
  for (const name of names) {
    const href = await upload.field(name, 'link').attr('href');
    expect(href).toContain(landed.find((u) => u.name === name)!.fileCode);
  }
  const jobs = (await storedJobsIn(background.scope)).filter((j) => names.includes(j.file?.name ?? ''));
  expect(jobs).toHaveLength(names.length);
  expect(jobs.every((j) => ['encoding', 'ready'].includes(j.state))).toBe(true);
  await upload.ui.close();
}

/** A 509 shows as a clear failed state (nothing landed); Retry sends the file once. */
export async function failsOn509ThenRetries({ session, sim }: FlowEnv, files: FileDir, name: string): Promise<void> {
  const path = await files.make(name, 200 * 1024);
  sim.fault({ kind: 'status', status: 509, match: '/upload/01', times: 1 });
  const upload = await UploadPage.open(session);
  await upload.chooseFiles([path]);
  await upload.start();
  await upload.waitForState(name, ['failed'], 30_000);
  const error = upload.field(name, 'error');
  await expect(error.attr('data-code')).resolves.toBe('bandwidth');
  await expect(error.text()).resolves.toMatch(/bandwidth.*509.*(wait|upgrade)/i);
  expect(sim.uploads.some((u) => u.name === name)).toBe(false);
  // Retry sends it again now that the host accepts it.
  await upload.job(name, role('button', `Retry ${name}`)).click();
  await upload.waitForState(name, ['encoding', 'ready'], 30_000);
  expect(sim.uploads.filter((u) => u.name === name)).toHaveLength(1);
  await upload.ui.close();
}

/** Relays a URL to the mp4upload.com account: its size shown first, nothing downloaded before the user confirms, then one upload. */
export async function relaysUrl({ session, sim }: FlowEnv, accountLabel: string, clip: { name: string; bytes: number }): Promise<void> {
  const sourceGets = () => sim.requests.filter((r) => r.path.startsWith('/media/') && r.method === 'GET').length;
  const before = sourceGets();
  const upload = await UploadPage.open(session);
  await upload.chooseAccount(accountLabel);
  const megabytes = (clip.bytes / 1024 / 1024).toFixed(1).replace('.', '\\.');
  await expect(upload.checkRelay(sim.videoUrl(clip.name, clip.bytes))).resolves.toMatch(new RegExp(`${clip.name}\\.mp4.*${megabytes} MB`));
  // Nothing is downloaded before the user confirms.
  expect(sourceGets()).toBe(before);

  await upload.confirmRelay();
  const file = `${clip.name}.mp4`;
  await upload.waitForState(file, ['encoding', 'ready'], 30_000);
  const landed = sim.uploads.filter((u) => u.hostId === 'mp4upload.com');
  expect(landed).toHaveLength(1);
  expect(landed[0]).toMatchObject({ name: file, size: clip.bytes });
  expect(await upload.field(file, 'link').attr('href')).toContain(landed[0]!.fileCode);
  await upload.ui.close();
}

export interface LostUploader<U extends Ui> {
  name: string;
  bytes: number;
  /** How long the host holds the upload, so the loss comes mid-upload. */
  delayMs: number;
  /** The row's states that show the upload on its way (the loss waits for one). */
  onTheWay: string[];
  /** What a browser restart does to this browser's uploader; resolves with the Upload tab to go on in (the same, or a new one). */
  restart(upload: UploadPage<U>): Promise<UploadPage<U>>;
  /** Chooses the file again for the interrupted job, as this browser lets a user. */
  chooseAgain(upload: UploadPage<U>, path: string): Promise<void>;
  /** How long the row may take to turn interrupted, and then to finish. */
  waits: { interrupted: number; finished: number };
}

/** An upload whose uploader went away mid-upload asks for its file again; one choice resumes it, and it lands once. */
export async function resumesAfterUploaderLost<U extends Ui>({ session, sim }: FlowEnv<U>, files: FileDir, run: LostUploader<U>): Promise<void> {
  const { name } = run;
  const path = await files.make(name, run.bytes);
  sim.fault({ kind: 'slow', match: '/upload/01', delayMs: run.delayMs, times: 1 });
  const first = await UploadPage.open(session);
  await first.chooseFiles([path]);
  await first.start();
  await first.waitForState(name, run.onTheWay, 20_000);
  const upload = await run.restart(first);
  await upload.waitForState(name, ['interrupted'], run.waits.interrupted);
  await expect(upload.field(name, 'error').text()).resolves.toMatch(/choose the file again/i);
  await run.chooseAgain(upload, path);
  await upload.waitForState(name, ['encoding', 'ready'], run.waits.finished);
  expect(sim.uploads.filter((u) => u.name === name)).toHaveLength(1);
  await upload.ui.close();
}
