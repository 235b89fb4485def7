import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { accountEntriesSeed, storedAccounts } from '../../browsers/stored-accounts';
import { accountSchema } from '../../../lib/accounts';
import { OptionsPage } from '../shared/pages/OptionsPage';
import { PopupPage } from '../shared/pages/PopupPage';

// Host access asked at runtime, for real: the account's host is on an origin
// the manifest does not grant at install (loopback is; "<name>.localhost" is
// not, and Chromium resolves it to loopback, where the host simulator runs).
// Saving and "Grant access" call the browser's permissions.request, which shows
// its prompt. Headless Chromium under automation cannot answer that prompt
// (neither Playwright nor CDP reaches it), so the tests prove the request is
// made, with the account's origins, and held open for the user (a request the
// manifest does not allow is refused at once instead), and that until access
// is granted the account reports it lacks access and sends nothing.

const KEY = 'e2e-access-key-0001';
const HOST = 'vidrelay-e2e.localhost';
let sim: HostSim;
let session: ExtensionSession;
let apiBase = '';
const origins = [`*://${HOST}/*`, `*://*.${HOST}/*`];

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 500 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'far-user' });
  apiBase = sim.apiBase('media.cm').replace('127.0.0.1', HOST);
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

/** Records, in the page, every permissions.request it makes and how it ended; the call itself goes through unchanged. */
async function watchRequests(page: Page): Promise<() => Promise<{ origins: string[]; outcome: string }[]>> {
  await page.evaluate(() => {
    const calls: { origins: string[]; outcome: string }[] = [];
    (globalThis as { e2eRequests?: typeof calls }).e2eRequests = calls;
    type Asked = { origins?: string[] };
    const request = chrome.permissions.request.bind(chrome.permissions) as unknown as (p: Asked) => Promise<boolean>;
    (chrome.permissions as { request: unknown }).request = (permissions: Asked) => {
      const call = { origins: permissions.origins ?? [], outcome: 'pending' };
      calls.push(call);
      const answer = request(permissions);
      answer.then(
        (granted) => (call.outcome = granted ? 'granted' : 'denied'),
        (error: Error) => (call.outcome = `refused: ${error.message}`),
      );
      return answer;
    };
  });
  return () => page.evaluate(() => (globalThis as { e2eRequests?: { origins: string[]; outcome: string }[] }).e2eRequests ?? []);
}

const requestsToSim = () => sim.requests.filter((r) => r.query.key === KEY).length;
const hasAccess = async () => (await session.worker()).evaluate((o) => chrome.permissions.contains({ origins: o }), origins);

describe('host access asked at runtime', () => {
  it("Save asks the browser for the account's origins first, and the browser holds the request for the user", async () => {
    const options = await OptionsPage.open(session);
    const requests = await watchRequests(options.page);
    await options.fillAccount({ host: 'media.cm', apiBase, key: KEY, name: 'Far host' });
    await options.page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(requests).toEqual([{ origins, outcome: 'pending' }]);
    // Still open a moment later: the prompt is up, not refused.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await requests()).toEqual([{ origins, outcome: 'pending' }]);
    // Nothing is saved before the answer, and nothing reached the host.
    expect(await storedAccounts(await session.worker())).toEqual([]);
    expect(await hasAccess()).toBe(false);
    expect(requestsToSim()).toBe(0);
    // Closing the page takes the prompt with it.
    await options.page.close();
  });

  it('an account on a host not granted reports missing access, sends nothing, and "Grant access" asks again', async () => {
    const account = accountSchema.parse({ id: 'acc_far', hostId: 'media.cm', label: 'Far host', apiBase, key: KEY, createdAt: 1 });
    await (await session.worker()).evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
    expect(await hasAccess()).toBe(false);

    const popup = await PopupPage.open(session);
    await popup.ui.find({ label: 'Video URLs' }).fill(sim.videoUrl('far-clip', 4096));
    await popup.ui.find({ role: 'button', name: 'Send' }).click();
    await expect
      .poll(() => popup.page.getByRole('alert').allTextContents())
      .toEqual([
        expect.stringContaining(`VidRelay may not reach ${HOST}:${new URL(sim.origin).port} yet. Open Options and press "Grant access" for this account.`),
      ]);
    await popup.page.close();

    const options = await OptionsPage.open(session);
    const requests = await watchRequests(options.page);
    const grant = options.accounts('Far host').find({ role: 'button', name: 'Grant access' });
    await grant.waitFor();
    await options.editAccount('Far host');
    await options.testConnection();
    await expect(options.error().attr('data-code')).resolves.toBe('permission');
    await options.page.getByRole('button', { name: 'Cancel' }).click();

    await grant.click();
    await expect.poll(requests).toEqual([{ origins, outcome: 'pending' }]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await requests()).toEqual([{ origins, outcome: 'pending' }]);
    expect(await hasAccess()).toBe(false);
    expect(await grant.count()).toBe(1);
    expect(requestsToSim()).toBe(0);
    await options.page.close();
  });
});
