import { seededAccount } from '../../browsers/stored-accounts';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { fileDir, type FileDir } from '../shared/flows/files-on-disk';
import type { FlowEnv } from '../shared/flows/scope';
import * as uploads from '../shared/flows/uploads';
import { firefoxBackground, launchFirefox, type FirefoxSession } from '../../browsers/firefox';

// File uploads from the manager tab in Firefox (no offscreen document: the
// event page holds the Files and runs the XHRs), against the host simulator
// (tests/e2e/shared/flows/uploads.ts).

const KEY = 'ff-upload-key-0001';
const RELAY_KEY = 'ff-relay-key-0001';
let sim: HostSim;
let session: FirefoxSession;
let files: FileDir;
let env: FlowEnv;

beforeAll(async () => {
  files = await fileDir();
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'uploader' });
  sim.addAccount({ hostId: 'mp4upload.com', key: RELAY_KEY, login: 'relayer' });
  session = await launchFirefox();
  env = { session, sim, background: firefoxBackground(session) };
  const data = [
    seededAccount(sim, 'acc_media', 'media.cm', 'Media Uploads', KEY, { defaults: { tags: 'ff' }, createdAt: 1 }),
    seededAccount(sim, 'acc_mp4', 'mp4upload.com', 'Mp4 Relay', RELAY_KEY, { createdAt: 2 }),
  ];
  // The account list of version 1 (one record), carried over by the build at start.
  await session.background((bg, accounts) => bg.browser.storage.local.set({ accounts: { version: 1, data: accounts } }), data);
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await files?.remove();
});

describe('Firefox file uploads', () => {
  it(
    'uploads several files from the manager with progress, each exactly once, and shows their links',
    () =>
      uploads.uploadsSeveralFiles(env, files, {
        names: ['echo-clip.mp4', 'foxtrot-clip.mp4', 'golf-clip.mp4'],
        bytes: 12 * 1024 * 1024,
        delayMs: 2500,
        tags: 'ff',
        title: 'Echo title',
      }),
    120_000,
  );

  it('shows a 509 as a clear failed state and Retry sends it once', () => uploads.failsOn509ThenRetries(env, files, 'hotel-clip.mp4'), 90_000);

  it(
    'relays a URL through the event page after the user confirms its size',
    () => uploads.relaysUrl(env, 'Mp4 Relay', { name: 'ff-relay-clip', bytes: 3 * 1024 * 1024 }),
    60_000,
  );
});
