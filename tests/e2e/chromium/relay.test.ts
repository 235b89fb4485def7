import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { chromiumBackground } from '../../browsers/chromium-worker';
import { relaysUrl } from '../shared/flows/uploads';
import { UploadPage } from '../shared/pages/UploadPage';
import { accountEntriesSeed, seededAccount } from '../../browsers/stored-accounts';

// Relay: mp4upload.com has no remote upload, so the extension downloads the
// video itself (after the user confirmed its size) and uploads it as a file
// (the relay itself shared with Firefox: tests/e2e/shared/flows/uploads.ts).

const KEY = 'e2e-mp4-key-0001';
let sim: HostSim;
let session: ExtensionSession;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'mp4upload.com', key: KEY, login: 'relayer' });
  session = await launchExtension();
  const worker = await session.worker();
  const account = seededAccount(sim, 'acc_mp4', 'mp4upload.com', 'Mp4 Relay', KEY, { defaults: {}, createdAt: 1 });
  await worker.evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('relay', () => {
  it('relays a host-sim URL to the mp4upload preset after the user confirms its size', () =>
    relaysUrl({ session, sim, background: chromiumBackground(session) }, 'Mp4 Relay', { name: 'relay-clip', bytes: 6 * 1024 * 1024 }));

  it('says clearly when the source is gone', async () => {
    const upload = await UploadPage.open(session);
    await upload.page.getByLabel('Video URL to relay').fill(`${sim.origin}/media/missing/nothing-here.mp4`);
    await upload.page.getByRole('button', { name: 'Check size' }).click();
    const alert = upload.page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('not_found');
    await upload.page.close();
  });
});
