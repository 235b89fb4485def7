import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { openWebPage } from '../../browsers/chromium-worker';

// Forged messages from outside the extension's pages are refused, and keys
// never reach a page, a notification, an error or an export.

const KEY = 'sec-e2e-media-key-4711';
const WRONG_KEY = 'sec-e2e-unknown-key-0815';
let sim: HostSim;
let session: ExtensionSession;
let ext: Page;
let accountId = '';
let wrongId = '';

type Reply = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

/** Sends a message from a real extension page: the trusted path, for setup and as the control. */
function fromExtensionPage(type: string, payload: unknown): Promise<Reply> {
  return ext.evaluate(([t, p]) => chrome.runtime.sendMessage({ vidrelay: 1, type: t, payload: p }), [type, payload] as const);
}

const forged: [string, unknown][] = [
  ['accounts.list', {}],
  ['settings.export', { passphrase: 'forged-passphrase-1' }],
  ['settings.import', { text: '{"format":"vidrelay-settings"}' }],
  ['accounts.remove', { id: '__ID__' }],
  ['accounts.save', { account: { hostId: 'media.cm', label: 'forged', key: 'x', enabled: true, allowHttp: false, defaults: {} } }],
];

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 300 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'sec-user' });
  session = await launchExtension();
  ext = await session.context.newPage();
  await ext.goto(session.url('options.html'));
  const account = { hostId: 'media.cm', apiBase: sim.apiBase('media.cm'), enabled: true, allowHttp: false, defaults: {} };
  const saved = await fromExtensionPage('accounts.save', { account: { ...account, label: 'Secure media', key: KEY } });
  expect(saved.ok).toBe(true);
  accountId = (saved.data as { id: string }).id;
  const wrong = await fromExtensionPage('accounts.save', { account: { ...account, label: 'Wrong key media', key: WRONG_KEY } });
  wrongId = (wrong.data as { id: string }).id;
  for (const entry of forged) if ((entry[1] as { id?: string }).id === '__ID__') entry[1] = { id: accountId };
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('forged messages', () => {
  it('control: an extension page gets accounts, with keys masked', async () => {
    const reply = await fromExtensionPage('accounts.list', {});
    expect(reply.ok).toBe(true);
    const accounts = reply.data as Record<string, unknown>[];
    expect(accounts.map((a) => a.id)).toContain(accountId);
    expect(accounts.every((a) => !('key' in a))).toBe(true);
    expect(JSON.stringify(reply)).not.toContain(KEY);
  });

  it('a web page cannot reach the background at all', async () => {
    const { page } = await openWebPage(session, sim.pageUrl('video'));
    const results = await page.evaluate(
      async ({ id, messages }) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
        if (!runtime?.sendMessage) return [{ api: false }];
        const out: unknown[] = [];
        for (const [type, payload] of messages) {
          try {
            out.push({ api: true, reply: (await runtime.sendMessage(id, { vidrelay: 1, type, payload })) ?? null });
          } catch (error) {
            out.push({ api: true, thrown: String(error) });
          }
        }
        return out;
      },
      { id: session.extensionId, messages: forged },
    );
    for (const result of results as { api: boolean; reply?: unknown; thrown?: string }[]) {
      // Either the page has no runtime API, or the message finds no listener.
      expect(result.api === false || result.thrown !== undefined || result.reply === null, JSON.stringify(result)).toBe(true);
    }
    expect(JSON.stringify(results)).not.toContain(KEY);
    expect(JSON.stringify(results)).not.toContain(accountId);
    await page.close();
  });

  it('a content script (injected into a web page) is refused with code auth, for every request', async () => {
    const { page, tabId } = await openWebPage(session, sim.pageUrl('video'));
    const worker = await session.worker();
    const replies = await worker.evaluate(
      async ({ tab, messages }) => {
        const [result] = await chrome.scripting.executeScript({
          target: { tabId: tab },
          args: [messages],
          func: async (list: [string, unknown][]) => {
            const out: unknown[] = [];
            for (const [type, payload] of list) {
              try {
                out.push(await chrome.runtime.sendMessage({ vidrelay: 1, type, payload }));
              } catch (error) {
                out.push({ thrown: String(error) });
              }
            }
            return out;
          },
        });
        return result.result as unknown[];
      },
      { tab: tabId, messages: forged },
    );
    expect(replies).toHaveLength(forged.length);
    for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(JSON.stringify(replies)).not.toContain(KEY);

    // The forged remove and save changed nothing.
    const after = (await fromExtensionPage('accounts.list', {})).data as { id: string; label: string }[];
    expect(after.map((a) => a.id)).toContain(accountId);
    expect(after.map((a) => a.label)).not.toContain('forged');
    await page.close();
  });

  it("a script in the page's own world has no runtime to send with", async () => {
    const { page, tabId } = await openWebPage(session, sim.pageUrl('video'));
    const worker = await session.worker();
    const result = await worker.evaluate(async (tab) => {
      const [r] = await chrome.scripting.executeScript({
        target: { tabId: tab },
        world: 'MAIN',
        func: async () => {
          const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (m: unknown) => Promise<unknown> } } }).chrome?.runtime;
          if (!runtime?.sendMessage) return 'no-api';
          try {
            return await runtime.sendMessage({ vidrelay: 1, type: 'accounts.list', payload: {} });
          } catch (error) {
            return `thrown: ${String(error)}`;
          }
        },
      });
      return r.result;
    }, tabId);
    expect(result === 'no-api' || String(result).startsWith('thrown')).toBe(true);
    await page.close();
  });
});

describe('keys stay hidden', () => {
  it('never appear in the options page, even while editing the account', async () => {
    const page = await session.context.newPage();
    await page.goto(session.url('options.html'));
    const row = page.getByRole('list', { name: 'Accounts' }).locator(`li[data-account-id="${accountId}"]`);
    await row.waitFor();
    expect(await page.content()).not.toContain(KEY);
    await row.getByRole('button', { name: 'Edit Secure media' }).click();
    await page.getByRole('heading', { name: 'Edit Secure media' }).waitFor();
    await expect(page.getByLabel('API key').inputValue()).resolves.toBe('');
    const values = await page.locator('input, textarea, select').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values.join('|')).not.toContain(KEY);
    expect(await page.content()).not.toContain(KEY);
    await page.close();
  });

  it('never appear in an export without a passphrase, nor in plain text with one', async () => {
    const plain = await fromExtensionPage('settings.export', {});
    expect(plain.ok).toBe(true);
    expect((plain.data as { text: string }).text).not.toContain(KEY);
    const sealed = await fromExtensionPage('settings.export', { passphrase: 'a long passphrase' });
    const text = (sealed.data as { text: string }).text;
    expect(JSON.parse(text).keys.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(WRONG_KEY);
  });

  it('never appear in errors or notifications of a failed upload', async () => {
    const worker = await session.worker();
    // Record what the background shows; the polyfill picks up create() on its first call.
    await worker.evaluate(() => {
      const g = globalThis as { __notes?: string[] };
      g.__notes = [];
      const original = chrome.notifications.create.bind(chrome.notifications) as (...a: unknown[]) => unknown;
      (chrome.notifications as { create: unknown }).create = (...args: unknown[]) => {
        g.__notes!.push(JSON.stringify(args));
        return original(...args);
      };
    });
    const tested = await fromExtensionPage('accounts.test', {
      account: { id: wrongId, hostId: 'media.cm', apiBase: sim.apiBase('media.cm'), label: 'Wrong key media', enabled: true, allowHttp: false, defaults: {} },
    });
    expect(tested).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(JSON.stringify(tested)).not.toContain(WRONG_KEY);

    const sent = await fromExtensionPage('remote.send', { accountId: wrongId, urls: [sim.videoUrl('sec-clip', 4096)] });
    expect(sent.ok).toBe(true);
    await expect
      .poll(async () => (await worker.evaluate(() => (globalThis as { __notes?: string[] }).__notes ?? [])).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    const notes = await worker.evaluate(() => (globalThis as { __notes?: string[] }).__notes ?? []);
    expect(notes.join('\n')).toMatch(/Upload failed/);
    expect(notes.join('\n')).not.toContain(WRONG_KEY);
    const jobs = await fromExtensionPage('jobs.list', {});
    expect(JSON.stringify(jobs)).toContain('"failed"');
    expect(JSON.stringify(jobs)).not.toContain(WRONG_KEY);
    expect(JSON.stringify(jobs)).not.toContain(KEY);
  });
});
