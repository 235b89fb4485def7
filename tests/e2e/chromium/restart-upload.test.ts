import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { storedJobsIn, type StoredJob } from '../../browsers/jobs-db';
import { UploadPage } from '../shared/pages/UploadPage';
import { accountEntriesSeed, seededAccount } from '../../browsers/stored-accounts';

// A file upload whose POST reached the host just before the browser was
// closed, so the extension never heard the reply: after a restart on the
// same profile it is found on the host by name, size and time, not sent a
// second time, and the job says so.

const KEY = 'e2e-restart-upload-key-01';
const NAME = 'landed-before-restart.mp4';
const SIZE = 6 * 1024 * 1024;
let sim: HostSim;
let profile: string;
let dir: string;
let session: ExtensionSession | undefined;

type Stored = StoredJob & { bytesSent?: number; note?: string; links?: { watch: string } };

async function jobOfFile(s: ExtensionSession): Promise<Stored | undefined> {
  return ((await storedJobsIn(await s.worker())) as Stored[]).find((j) => j.file?.name === NAME);
}

const uploadPosts = () => sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/upload/01'));

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 1_500 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'restarter' });
  profile = await mkdtemp(join(tmpdir(), 'vidrelay-restart-upload-'));
  dir = await mkdtemp(join(tmpdir(), 'vidrelay-restart-files-'));
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  for (const path of [profile, dir]) if (path) await rm(path, { recursive: true, force: true });
});

describe('a browser restart right after an upload POST reached the host', () => {
  it('finds the upload on the host instead of sending it again, and tells the user', async () => {
    session = await launchExtension({ userDataDir: profile });
    const account = seededAccount(sim, 'acc_media', 'media.cm', 'Media Uploads', KEY, { defaults: {}, createdAt: 1 });
    await (await session.worker()).evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
    const path = join(dir, NAME);
    await writeFile(path, Buffer.alloc(SIZE, 7));

    // The host stores the file at once but holds its answer back: the browser closes before it comes.
    sim.fault({ kind: 'slow-reply', match: '/upload/01', delayMs: 300_000, times: 1 });
    const upload = await UploadPage.open(session);
    await upload.chooseFiles([path]);
    await upload.start();
    await expect.poll(() => sim.uploads.filter((u) => u.name === NAME).length, { timeout: 30_000 }).toBe(1);
    // Every byte went out and the extension wrote so, but no reply was recorded.
    await expect
      .poll(
        async () => {
          const job = await jobOfFile(session!);
          return job && { state: job.state, bytesSent: job.bytesSent, fileCode: job.fileCode };
        },
        { timeout: 15_000 },
      )
      .toEqual({ state: 'uploading', bytesSent: SIZE, fileCode: undefined });
    await session.close();

    // The same profile, a new browser: the File the user picked is gone with the old one.
    session = await launchExtension({ userDataDir: profile });
    const again = await UploadPage.open(session);
    await again.waitForState(NAME, ['ready'], 60_000);
    const landed = sim.uploads.filter((u) => u.name === NAME);
    expect(landed).toHaveLength(1);
    expect(uploadPosts()).toHaveLength(1);
    const messages = JSON.parse(await readFile('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
    await expect(again.field(NAME, 'note').text()).resolves.toBe(messages.jobFoundOnHost!.message);
    await expect(again.field(NAME, 'link').attr('href')).resolves.toContain(landed[0]!.fileCode);
    const job = await jobOfFile(session);
    expect(job).toMatchObject({ state: 'ready', fileCode: landed[0]!.fileCode, note: 'found-on-host' });
    await again.page.close();
  }, 180_000);
});
