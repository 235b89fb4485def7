import { afterAll, beforeAll, describe, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { chromiumBackground } from '../../browsers/chromium-worker';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { fileDir, type FileDir } from '../shared/flows/files-on-disk';
import { walkByKeyboard } from '../shared/flows/keyboard-walk';

// The keyboard walk (tests/e2e/shared/flows/keyboard-walk.ts) in Chromium; the
// copied links are read back through the page's clipboard API, which the
// context is granted.

const KEY = 'walk-media-key-2024';
let sim: HostSim;
let session: ExtensionSession;
let files: FileDir;

beforeAll(async () => {
  files = await fileDir();
  sim = await startHostSim({ encodeMs: 200 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'walker' });
  session = await launchExtension();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await files?.remove();
});

describe('keyboard alone', () => {
  it('adds an account, sends a URL, uploads a file and copies the links', async () => {
    const clip = await files.make('walk-clip.mp4', 48 * 1024);
    await walkByKeyboard(
      { session, sim, background: chromiumBackground(session) },
      { key: KEY, name: 'Walk media', clip, readClipboard: (ui) => ui.page.evaluate(() => navigator.clipboard.readText()) },
    );
  });
});
