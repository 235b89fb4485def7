import { afterAll, beforeAll, describe, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import * as foundation from '../shared/flows/foundation';
import type { FlowEnv } from '../shared/flows/scope';
import { firefoxBackground, launchFirefox, type FirefoxSession } from '../../browsers/firefox';

// The first whole path a user walks, in Firefox (tests/e2e/shared/flows/foundation.ts):
// add an account, test it, send URLs from the popup, see the links; then send
// from Firefox's real context menu and by a real key press.

const account = { key: 'ff-media-key-0001', login: 'ff-user', label: 'Media FF' };
let sim: HostSim;
let session: FirefoxSession;
let env: FlowEnv;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'media.cm', key: account.key, login: account.login });
  session = await launchFirefox();
  env = { session, sim, background: firefoxBackground(session) };
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('Firefox foundation', () => {
  it('rejects a wrong key with a clear error that does not echo it', () => foundation.rejectsWrongKey(env));

  it('shows a clear error when the host is unreachable', () => foundation.reportsUnreachableHost(env, account));

  it('adds an account in Options: Test connection, Save', () => foundation.addsAccount(env, account));

  it('sends URLs from the popup and shows their links', () =>
    foundation.sendsUrlsFromPopup(env, account, [
      { name: 'ff-popup-one', bytes: 64 * 1024 },
      { name: 'ff-popup-two', bytes: 32 * 1024 },
    ]));

  it('sends a right-clicked video from the context menu (its real context menu), refuses a blob: one', () =>
    foundation.sendsFromContextMenu(env, account, 'ff-menu-clip'));

  it("sends the page's video with the send-video shortcut (a real key press, on a key of the user's choice)", async () => {
    // Firefox gives Alt+Shift+S, the default, to the History menu's access key (Alt+S, Shift allowed), so the
    // command never fires; a user picks another key in about:addons, which is commands.update.
    type Commands = { update(detail: { name: string; shortcut: string }): Promise<void> };
    await session.scope.evaluate(() => (browser.commands as unknown as Commands).update({ name: 'send-video', shortcut: 'Alt+Shift+K' }), undefined);
    await foundation.sendsWithShortcut(env, account);
  });
});
