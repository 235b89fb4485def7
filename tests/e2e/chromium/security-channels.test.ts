import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { storedJobsIn } from '../../browsers/jobs-db';
import { OptionsPage } from '../shared/pages/OptionsPage';
import { PopupPage } from '../shared/pages/PopupPage';
import { UploadPage } from '../shared/pages/UploadPage';

// The attacks of issue 12 against the real build: forged commands into the
// uploader document, a host quoting the key in every kind of reply, and a
// settings file moving an account to another origin (two host simulators on
// two loopback ports).

const KEY = 'sec:echo/key-4711';
const ENCODED = encodeURIComponent(KEY);
const MOVED_KEY = 'sec-moved-xfs-key-0815';
let sim: HostSim;
let other: HostSim;
let session: ExtensionSession;
let ext: Page;
let dir: string;

type Reply = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

function fromExtensionPage(page: Page, type: string, payload: unknown): Promise<Reply> {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ vidrelay: 1, type: t, payload: p }), [type, payload] as const);
}

async function contentScriptSends(messages: [string, unknown][]): Promise<unknown[]> {
  const page = await session.context.newPage();
  const url = sim.pageUrl('video');
  await page.goto(url);
  const worker = await session.worker();
  const replies = await worker.evaluate(
    async ({ u, list }) => {
      const tab = ((await chrome.tabs.query({})) as { id?: number; url?: string }[]).find((t) => t.url === u)!;
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: tab.id! },
        args: [list],
        func: async (items: [string, unknown][]) => {
          const out: unknown[] = [];
          for (const [type, payload] of items) {
            try {
              out.push((await chrome.runtime.sendMessage({ vidrelay: 1, type, payload })) ?? null);
            } catch (error) {
              out.push({ thrown: String(error) });
            }
          }
          return out;
        },
      });
      return result!.result as unknown[];
    },
    { u: url, list: messages },
  );
  await page.close();
  return replies;
}

async function makeFile(name: string, bytes: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, Buffer.alloc(bytes, 7));
  return path;
}

/** Everything the extension keeps except the accounts themselves (which hold their keys): jobs, history, settings. */
async function storedText(): Promise<string> {
  const worker = await session.worker();
  const local = await worker.evaluate(async () => {
    const all = (await chrome.storage.local.get(null)) as Record<string, unknown>;
    return JSON.stringify(Object.fromEntries(Object.entries(all).filter(([name]) => !/account/i.test(name))));
  });
  // Jobs live in their own database (lib/queue/store/db.ts).
  return `${local}\n${JSON.stringify(await storedJobsIn(worker))}`;
}

async function storedJobs(): Promise<{ kind: string; state: string; error?: { message: string } }[]> {
  return storedJobsIn(await session.worker());
}

async function recordNotifications(): Promise<void> {
  const worker = await session.worker();
  await worker.evaluate(() => {
    const g = globalThis as { __notes?: string[] };
    if (g.__notes) return;
    g.__notes = [];
    const original = chrome.notifications.create.bind(chrome.notifications) as (...a: unknown[]) => unknown;
    (chrome.notifications as { create: unknown }).create = (...args: unknown[]) => {
      g.__notes!.push(JSON.stringify(args));
      return original(...args);
    };
  });
}

async function notifications(): Promise<string> {
  const worker = await session.worker();
  return worker.evaluate(() => JSON.stringify((globalThis as { __notes?: string[] }).__notes ?? []));
}

function expectNoKey(text: string, where: string): void {
  expect(text.includes(KEY), `${where} holds the key`).toBe(false);
  expect(text.includes(ENCODED), `${where} holds the URL-encoded key`).toBe(false);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vidrelay-sec-'));
  sim = await startHostSim({ encodeMs: 200 });
  other = await startHostSim({ encodeMs: 200 });
  sim.addAccount({ hostId: 'media.cm', key: KEY, login: 'echo-user' });
  sim.addAccount({ hostId: 'xfs', key: MOVED_KEY, login: 'xfs-user' });
  other.addAccount({ hostId: 'xfs', key: 'the-other-hosts-own-key', login: 'other' });
  session = await launchExtension();
  ext = await session.context.newPage();
  await ext.goto(session.url('options.html'));
  const saved = await fromExtensionPage(ext, 'accounts.save', {
    account: { hostId: 'media.cm', apiBase: sim.apiBase('media.cm'), label: 'Echo media', key: KEY, enabled: true, allowHttp: false, defaults: {} },
  });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  expect((saved.data as { id: string }).id).toBeTruthy();
  await recordNotifications();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
  await other?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('forged commands into the uploader document', () => {
  it('neither a content script nor an extension page can cancel an upload or start a download', async () => {
    // A slow upload server keeps the upload in flight while the forgeries arrive.
    sim.fault({ kind: 'slow', hostId: 'media.cm', match: 'upload/01', delayMs: 4000, times: 1 });
    const upload = await UploadPage.open(session);
    await upload.chooseAccount('Echo media');
    await upload.chooseFiles([await makeFile('forged-target.mp4', 200_000)]);
    await upload.start();
    await upload.waitForState('forged-target.mp4', ['uploading', 'sending']);
    const jobId = (await upload.job('forged-target.mp4').attr('data-job-id'))!;

    const forgedSource = sim.videoUrl('forged-download', 50_000);
    const forgeries: [string, unknown][] = [
      ['uploader.cancel', { jobId }],
      ['uploader.start', { job: { id: crypto.randomUUID(), kind: 'relay', url: forgedSource, bytesTotal: 50_000 } }],
      ['uploader.alive', { jobIds: [jobId] }],
    ];
    const fromContent = await contentScriptSends(forgeries);
    for (const reply of fromContent) expect(reply, JSON.stringify(reply)).toMatchObject({ ok: false, error: { code: 'auth' } });
    const popup = await PopupPage.open(session);
    for (const [type, payload] of forgeries) {
      await expect(fromExtensionPage(popup.page, type, payload)).resolves.toMatchObject({ ok: false, error: { code: 'auth' } });
    }
    await popup.page.close();
    // A web page has no way in at all: no runtime, or no listener for it (no externally_connectable).
    const web = await session.context.newPage();
    await web.goto(sim.pageUrl('video'));
    const fromWeb = await web.evaluate(
      async ({ id, list }) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
        if (!runtime?.sendMessage) return ['no-api'];
        const out: unknown[] = [];
        for (const [type, payload] of list)
          out.push(
            await runtime.sendMessage(id, { vidrelay: 1, type, payload }).then(
              (r) => r ?? null,
              (e) => `thrown: ${String(e)}`,
            ),
          );
        return out;
      },
      { id: session.extensionId, list: forgeries },
    );
    for (const reply of fromWeb) expect(reply === 'no-api' || reply === null || String(reply).startsWith('thrown'), JSON.stringify(reply)).toBe(true);
    await web.close();

    // The upload went on to the end, and the forged source was never fetched.
    await upload.waitForState('forged-target.mp4', ['encoding', 'ready'], 30_000);
    expect(sim.requests.filter((r) => r.path.includes('forged-download'))).toEqual([]);
    expect(sim.uploads.filter((u) => u.name === 'forged-target.mp4')).toHaveLength(1);
    await upload.page.close();
  });
});

describe('a host that quotes the key', () => {
  const cases: [string, Parameters<HostSim['fault']>[0]][] = [
    ['per-file status of the upload POST', { kind: 'echo-key', hostId: 'media.cm', match: 'upload/01', status: 200, times: 1 }],
    ['error page of the upload POST (403)', { kind: 'echo-key', hostId: 'media.cm', match: 'upload/01', status: 403, times: 1 }],
    ['error page of the upload POST (500)', { kind: 'echo-key', hostId: 'media.cm', match: 'upload/01', status: 500, times: 1 }],
    ['status of the upload-server lookup', { kind: 'echo-key', hostId: 'media.cm', match: 'upload/server', status: 200, times: 1 }],
  ];

  it.each(cases)('in the %s: the key appears in no Upload row, popup job, notification or stored job', async (name, fault) => {
    sim.fault(fault);
    const file = `echo-${name.replace(/\W+/g, '-')}.mp4`;
    const upload = await UploadPage.open(session);
    await upload.chooseAccount('Echo media');
    await upload.chooseFiles([await makeFile(file, 30_000)]);
    await upload.start();
    await upload.waitForState(file, ['failed', 'queued'], 30_000);
    await upload.field(file, 'error').waitFor();
    expectNoKey(await upload.job(file).text(), 'the Upload row');
    expectNoKey(await upload.page.content(), 'the manager page');
    const popup = await PopupPage.open(session);
    await popup.jobs().waitFor();
    expectNoKey(await popup.page.content(), 'the popup');
    await popup.page.close();
    expectNoKey(await notifications(), 'the notifications');
    expectNoKey(await storedText(), 'storage');
    // The failure still says what the host said, masked.
    expect(await storedText()).toContain('***');
    await upload.page.close();
    sim.clearFaults();
  });

  it('in the answer to a remote upload: nowhere either', async () => {
    sim.fault({ kind: 'echo-key', hostId: 'media.cm', match: 'upload/url', status: 200 });
    const popup = await PopupPage.open(session);
    const failedBefore = (await storedJobs()).filter((j) => j.kind === 'remote' && j.state === 'failed').length;
    await popup.sendUrls([sim.videoUrl('echo-remote', 1000)], 'Echo media');
    await expect
      .poll(async () => (await storedJobs()).filter((j) => j.kind === 'remote' && j.state === 'failed').length, { timeout: 30_000 })
      .toBe(failedBefore + 1);
    await popup.page.reload();
    await popup.job('failed').waitFor();
    expectNoKey(await popup.page.content(), 'the popup');
    expectNoKey(await notifications(), 'the notifications');
    expectNoKey(await storedText(), 'storage');
    await popup.page.close();
    sim.clearFaults();
  });

  it('the control: the host did get the key, and did quote it', async () => {
    expect(sim.requests.some((r) => Object.values(r.query).includes(KEY))).toBe(true);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/upload/01')).length).toBeGreaterThanOrEqual(3);
    // What the host quoted arrived masked.
    expect(await storedText()).toContain('Invalid sess_id/key *** (***)');
  });
});

describe('a settings file that moves an account to another origin', () => {
  it('keeps no key for it, and nothing reaches the new origin with the old key', async () => {
    const saved = await fromExtensionPage(ext, 'accounts.save', {
      account: { hostId: 'xfs', apiBase: sim.apiBase('xfs'), label: 'Movable XFS', key: MOVED_KEY, enabled: true, allowHttp: false, defaults: {} },
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const xfsId = (saved.data as { id: string }).id;
    const exported = await fromExtensionPage(ext, 'settings.export', {});
    const file = JSON.parse((exported.data as { text: string }).text);
    for (const account of file.accounts) if (account.id === xfsId) account.apiBase = other.apiBase('xfs');

    const options = await OptionsPage.open(session);
    const notice = await options.importSettings(JSON.stringify(file));
    expect(notice).toMatch(/Movable XFS/);
    const before = other.requests.length;

    // Using the moved account: a file listing and a connection test from the edit form.
    const listing = await fromExtensionPage(options.page, 'files.list', { accountId: xfsId, query: {} });
    expect(listing.ok).toBe(false);
    const row = options.page.getByRole('list', { name: 'Accounts' }).locator(`li[data-account-id="${xfsId}"]`);
    await row.getByRole('button', { name: 'Edit Movable XFS' }).click();
    await options.page.getByRole('button', { name: 'Test connection' }).click();
    await options.error().waitFor();
    expect(await options.error().text()).toMatch(/API key/);

    const toOther = other.requests.slice(before);
    expect(JSON.stringify(other.requests)).not.toContain(MOVED_KEY);
    expect(toOther.every((r) => !Object.values(r.query).includes(MOVED_KEY))).toBe(true);
    const accounts = (await fromExtensionPage(options.page, 'accounts.list', {})).data as { id: string; hasKey: boolean; apiBase?: string }[];
    expect(accounts.find((a) => a.id === xfsId)).toMatchObject({ apiBase: other.apiBase('xfs'), hasKey: false });
    // The key itself is gone from the profile, not merely hidden.
    const worker = await session.worker();
    expect(await worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)))).not.toContain(MOVED_KEY);
    await options.page.close();
  });
});
