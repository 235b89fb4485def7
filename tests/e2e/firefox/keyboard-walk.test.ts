import { afterAll, beforeAll, describe, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { firefoxBackground, launchFirefox, type FirefoxSession } from '../../browsers/firefox';
import { fileDir, type FileDir } from '../shared/flows/files-on-disk';
import { walkByKeyboard } from '../shared/flows/keyboard-walk';

// The keyboard walk (tests/e2e/shared/flows/keyboard-walk.ts) in Firefox: the
// chooser a key press opens is met through WebDriver BiDi's file dialog event,
// and the copied links are read from the system clipboard by the browser's own
// window (a web page would need the user's paste).

const KEY = 'ff-walk-media-key-2024';
let sim: HostSim;
let session: FirefoxSession;
let files: FileDir;

beforeAll(async () => {
  files = await fileDir();
  sim = await startHostSim({ encodeMs: 200 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'walker' });
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await files?.remove();
});

describe('Firefox, keyboard alone', () => {
  it('adds an account, sends a URL, uploads a file and copies the links', async () => {
    const clip = await files.make('walk-clip.mp4', 48 * 1024);
    await walkByKeyboard(
      { session, sim, background: firefoxBackground(session) },
      { key: KEY, name: 'Walk media', clip, readClipboard: async () => String(await session.inBrowserWindow('navigator.clipboard.readText()')) },
    );
  });
});
