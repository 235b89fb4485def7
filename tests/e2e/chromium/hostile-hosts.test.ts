import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { accountEntriesSeed, seededAccount } from '../../browsers/stored-accounts';
import { fileDir, type FileDir } from '../shared/flows/files-on-disk';
import { UploadPage } from '../shared/pages/UploadPage';
import { OptionsPage } from '../shared/pages/OptionsPage';
import { storedAccounts } from '../../browsers/stored-accounts';

// Hosts built to hurt the user, against the real build: an upload server on a
// site the user never entered gets no POST and no key until the user allows
// it; a relay source that sends more than it said is stopped.

const KEY = 'e2e-hostile-key-0001';
let sim: HostSim;
let session: ExtensionSession;
let files: FileDir;

beforeAll(async () => {
  files = await fileDir();
  sim = await startHostSim({ encodeMs: 300 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'hostile' });
  sim.addAccount({ hostId: 'mp4upload.com', key: KEY, login: 'hostile' });
  session = await launchExtension();
  const worker = await session.worker();
  const accounts = [
    seededAccount(sim, 'acc_media', 'media.cm', 'Media Uploads', KEY, { defaults: {}, createdAt: 1 }),
    seededAccount(sim, 'acc_mp4', 'mp4upload.com', 'Mp4 Relay', KEY, { defaults: {}, createdAt: 2 }),
  ];
  await worker.evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed(accounts));
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await files?.remove();
});

describe('a hostile host', () => {
  it('names an upload server on another site: no POST, no key, the job says which site, and "Allow" makes it go', async () => {
    // The API is on 127.0.0.1; the host names the same server as localhost, another site to the extension.
    sim.fault({ kind: 'upload-elsewhere', hostId: 'media.cm', match: 'upload/server' });
    const path = await files.make('elsewhere-clip.mp4', 256 * 1024);
    const upload = await UploadPage.open(session);
    await upload.chooseAccount('Media Uploads');
    await upload.chooseFiles([path]);
    await upload.start();
    await upload.waitForState('elsewhere-clip.mp4', ['failed'], 30_000);
    const error = upload.field('elsewhere-clip.mp4', 'error');
    await expect(error.attr('data-code')).resolves.toBe('permission');
    await expect(error.text()).resolves.toContain('localhost');
    const posts = () => sim.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/media.cm/upload'));
    expect(posts()).toHaveLength(0);
    expect(sim.uploads).toHaveLength(0);
    expect(sim.requests.filter((r) => r.via === 'localhost')).toHaveLength(0);

    await upload.page.getByRole('button', { name: 'Allow localhost for Media Uploads' }).click();
    await upload.waitForState('elsewhere-clip.mp4', ['encoding', 'ready'], 30_000);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.via).toBe('localhost');
    expect(sim.uploads).toHaveLength(1);
    sim.clearFaults();
    await upload.page.close();
  });

  it('stops a relay whose source sends more than its HEAD said', async () => {
    const upload = await UploadPage.open(session);
    await upload.chooseAccount('Mp4 Relay');
    // HEAD says 1 MB; the GET sends 8 MB.
    const url = `${sim.videoUrl('lying-source', 1024 * 1024)}&sends=${8 * 1024 * 1024}`;
    await upload.checkRelay(url);
    await upload.confirmRelay();
    await upload.waitForState('lying-source.mp4', ['failed'], 30_000);
    const error = upload.field('lying-source.mp4', 'error');
    await expect(error.attr('data-code')).resolves.toBe('upload_rejected');
    expect(sim.uploads.filter((u) => u.hostId === 'mp4upload.com')).toHaveLength(0);
    await upload.page.close();
  });

  it('cannot keep a key under plain http by an import: the import that turns allowHttp on drops the kept key', async () => {
    const file = {
      format: 'vidrelay-settings',
      version: 3,
      exportedAt: '2026-12-01T00:00:00.000Z',
      accounts: [
        {
          id: 'acc_media',
          hostId: 'media.cm',
          label: 'Media Uploads',
          apiBase: sim.apiBase('media.cm'),
          enabled: true,
          allowHttp: true,
          defaults: {},
          createdAt: 1,
        },
      ],
      settings: { concurrency: { perHost: 2, overall: 4 }, linkFormat: 'plain', linkTemplate: '{title} {watch}' },
    };
    const before = (await storedAccounts(await session.worker())).find((a) => a.id === 'acc_media');
    expect(before?.key).toBe(KEY);
    const options = await OptionsPage.open(session);
    await expect(options.importSettings(JSON.stringify(file))).resolves.toContain('Media Uploads');
    const after = (await storedAccounts(await session.worker())).find((a) => a.id === 'acc_media');
    expect(after).toMatchObject({ allowHttp: true, key: '' });
    await options.ui.close();
  });
});
