import { afterAll, beforeAll, describe, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { chromiumBackground } from '../../browsers/chromium-worker';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import * as foundation from '../shared/flows/foundation';
import type { FlowEnv } from '../shared/flows/scope';

// The first whole path a user walks, in Chromium (tests/e2e/shared/flows/foundation.ts):
// add an account, test it, send a URL, see the link; then send from the context
// menu and by the shortcut (their browser events, fired by the test build's hook).

const account = { key: 'e2e-media-key-0001', login: 'e2e-user', label: 'Media E2E' };
let sim: HostSim;
let session: ExtensionSession;
let env: FlowEnv;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'media.cm', key: account.key, login: account.login });
  session = await launchExtension();
  env = { session, sim, background: chromiumBackground(session) };
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('foundation', () => {
  it('rejects a wrong key with a clear error', () => foundation.rejectsWrongKey(env));

  it('shows a clear error when the host is unreachable', () => foundation.reportsUnreachableHost(env, account));

  it('adds an account through the options page and tests the connection', () => foundation.addsAccount(env, account));

  it('sends a URL from the popup and shows its link', () => foundation.sendsUrlsFromPopup(env, account, [{ name: 'popup-clip', bytes: 64 * 1024 }]));

  it('sends a right-clicked video from the context menu (contextMenus.onClicked, as Chrome fires it), refuses a blob: one', () =>
    foundation.sendsFromContextMenu(env, account, 'menu-clip'));

  it("sends the page's video with the send-video shortcut (commands.onCommand, as Chrome fires it)", () => foundation.sendsWithShortcut(env, account));
});
