import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../host-sim';
import { UploadPage } from '../e2e/pages/UploadPage';
import { label } from '../e2e/ui/driver';
import { fileDir, type FileDir } from './files-on-disk';
import { launchFirefox, type FirefoxSession } from './firefox';

// File uploads from the manager tab in Firefox (no offscreen document: the
// tab holds the Files and runs the XHRs), against the host simulator.

const KEY = 'ff-upload-key-0001';
const RELAY_KEY = 'ff-relay-key-0001';
let sim: HostSim;
let session: FirefoxSession;
let files: FileDir;

beforeAll(async () => {
  files = await fileDir();
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'uploader' });
  sim.addAccount({ hostId: 'mp4upload.com', key: RELAY_KEY, login: 'relayer' });
  session = await launchFirefox();
  await session.background(
    async (bg, { apiBase, key, relayBase, relayKey }) => {
      const account = { id: 'acc_media', hostId: 'media.cm', label: 'Media Uploads', apiBase, key, enabled: true, allowHttp: false, defaults: { tags: 'ff' }, createdAt: 1 };
      const relay = { id: 'acc_mp4', hostId: 'mp4upload.com', label: 'Mp4 Relay', apiBase: relayBase, key: relayKey, enabled: true, allowHttp: false, defaults: {}, createdAt: 2 };
      await bg.browser.storage.local.set({ accounts: { version: 1, data: [account, relay] } });
    },
    { apiBase: sim.apiBase('media.cm'), key: KEY, relayBase: sim.apiBase('mp4upload.com'), relayKey: RELAY_KEY },
  );
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await files?.remove();
});

describe('Firefox file uploads', () => {
  it('uploads several files from the manager with progress, each exactly once, and shows their links', async () => {
    const names = ['echo-clip.mp4', 'foxtrot-clip.mp4', 'golf-clip.mp4'];
    const paths = await Promise.all(names.map((name) => files.make(name, 12 * 1024 * 1024)));
    // The host waits before reading each body: the page shows the uploads part-way.
    sim.fault({ kind: 'slow', match: '/upload/01', delayMs: 2500, times: 3 });
    const upload = await UploadPage.open(session);
    await upload.chooseFiles(paths);
    await upload.details('echo-clip.mp4');
    await expect(upload.pending('echo-clip.mp4', label('Tags')).value()).resolves.toBe('ff');
    await upload.pending('echo-clip.mp4', label('Title')).fill('Echo title');
    await upload.start();

    await upload.waitForState('echo-clip.mp4', ['uploading'], 20_000);
    await expect.poll(() => upload.field('echo-clip.mp4', 'percent').text(), { timeout: 10_000 }).toMatch(/^\d+%$/);
    await expect(upload.field('echo-clip.mp4', 'eta').text()).resolves.toMatch(/^ETA /);
    // Per-host limit 2: never three on the way at once.
    expect(await upload.ui.find({ css: 'li[data-job-id][data-state="sending"], li[data-job-id][data-state="uploading"]' }).count()).toBeLessThanOrEqual(2);

    for (const name of names) await upload.waitForState(name, ['encoding', 'ready'], 60_000);
    const landed = sim.uploads.filter((u) => names.includes(u.name));
    expect(landed.map((u) => u.name).sort()).toEqual([...names].sort());
    expect(landed.find((u) => u.name === 'echo-clip.mp4')?.fields.file_title).toBe('Echo title');
    for (const name of names) {
      const href = await upload.field(name, 'link').attr('href');
      expect(href).toContain(landed.find((u) => u.name === name)!.fileCode);
    }
    await upload.ui.close();
  }, 120_000);

  it('shows a 509 as a clear failed state and Retry sends it once', async () => {
    const path = await files.make('hotel-clip.mp4', 200 * 1024);
    sim.fault({ kind: 'status', status: 509, match: '/upload/01', times: 1 });
    const upload = await UploadPage.open(session);
    await upload.chooseFiles([path]);
    await upload.start();
    await upload.waitForState('hotel-clip.mp4', ['failed'], 30_000);
    await expect(upload.field('hotel-clip.mp4', 'error').attr('data-code')).resolves.toBe('bandwidth');
    expect(sim.uploads.some((u) => u.name === 'hotel-clip.mp4')).toBe(false);
    await upload.job('hotel-clip.mp4', { role: 'button', name: 'Retry hotel-clip.mp4' }).click();
    await upload.waitForState('hotel-clip.mp4', ['encoding', 'ready'], 30_000);
    expect(sim.uploads.filter((u) => u.name === 'hotel-clip.mp4')).toHaveLength(1);
    await upload.ui.close();
  }, 90_000);

  it('relays a URL through the event page after the user confirms its size', async () => {
    const size = 3 * 1024 * 1024;
    const upload = await UploadPage.open(session);
    await upload.chooseAccount('Mp4 Relay');
    await expect(upload.checkRelay(sim.videoUrl('ff-relay-clip', size))).resolves.toMatch(/ff-relay-clip\.mp4.*3\.0 MB/);
    await upload.confirmRelay();
    await upload.waitForState('ff-relay-clip.mp4', ['encoding', 'ready'], 30_000);
    const landed = sim.uploads.filter((u) => u.hostId === 'mp4upload.com');
    expect(landed).toHaveLength(1);
    expect(landed[0]).toMatchObject({ name: 'ff-relay-clip.mp4', size });
    await upload.ui.close();
  }, 60_000);
});
