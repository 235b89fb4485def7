import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { OptionsPage } from '../shared/pages/OptionsPage';
import { PopupPage } from '../shared/pages/PopupPage';
import { seedHistory } from '../../browsers/jobs-db';
import { css, role } from '../shared/driver/driver';
import type { PlaywrightUi } from '../shared/driver/playwright';
import { seededAccount, storedAccountEntries, storedAccounts } from '../../browsers/stored-accounts';
import { decryptText } from '../../../lib/settings-file/crypto';
import { encryptedKeysSchema } from '../../../lib/settings-file/format';

// Profiles holding today's storage format (the one { version: 1, data }
// account list and settings record), updated to this build by restarting the
// browser on the same profile: every account and key keeps working, and an
// account entry that cannot be read is reported and never written over.

let sim: HostSim;
const dirs: string[] = [];

const account = (id: string, hostId: string, label: string, key: string, extra: Record<string, unknown> = {}) =>
  seededAccount(sim, id, hostId, label, key, extra);

/** A profile left by today's build: its records written raw, then the browser restarted so start-up runs on them. */
async function profileWith(records: Record<string, unknown>): Promise<{ session: ExtensionSession; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'vidrelay-e2e-storage-'));
  dirs.push(dir);
  const first = await launchExtension({ userDataDir: dir });
  await (await first.worker()).evaluate(async (values) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(values);
  }, records);
  await first.context.close();
  return { session: await launchExtension({ userDataDir: dir }), dir };
}

const rawKeys = (worker: Worker) => worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).sort());

/** Start-up carries the old list over and then removes it. */
async function waitForMigration(session: ExtensionSession): Promise<void> {
  const worker = await session.worker();
  for (let tries = 0; (await rawKeys(worker)).includes('accounts'); tries++) {
    if (tries > 100) throw new Error(`The old account list is still stored: ${JSON.stringify(await rawKeys(worker))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  sim = await startHostSim();
  sim.addAccount({ hostId: 'media.cm', key: 'store-e2e-media-key-1111', login: 'media-person' });
  sim.addAccount({ hostId: 'vipstream.cc', key: 'store-e2e-vip-key-2222', login: 'vip-person' });
  sim.addAccount({ hostId: 'megamax.me', key: 'store-e2e-mega-key-3333', login: 'mega-person' });
  sim.addAccount({ hostId: 'mp4upload.com', key: 'store-e2e-mp4-key-4444', login: 'mp4-person' });
});

afterAll(async () => {
  await sim?.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('a profile of today with one unreadable account', () => {
  let session: ExtensionSession;
  let options: OptionsPage<PlaywrightUi>;
  const future = () =>
    account('acc_future', 'streamfuture.tv', 'From a newer build', 'store-e2e-future-key-9999', { apiBase: 'https://streamfuture.example/api' });

  beforeAll(async () => {
    const list = [
      account('acc_good1', 'media.cm', 'Good media', 'store-e2e-media-key-1111'),
      future(),
      account('acc_good2', 'vipstream.cc', 'Good vip', 'store-e2e-vip-key-2222'),
    ];
    ({ session } = await profileWith({ accounts: { version: 1, data: list }, settings: { version: 1, data: { defaultAccountId: 'acc_good1' } } }));
    await waitForMigration(session);
    options = await OptionsPage.open(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('carries the unreadable entry over verbatim and reports it with what was wrong', async () => {
    expect(await storedAccountEntries(await session.worker())).toMatchObject({ acc_future: { version: 1, data: future() } });
    const panel = options.unreadable();
    await panel.find(role('heading', '1 account could not be read')).waitFor();
    await expect(options.unreadableEntry('Account acc_future').text()).resolves.toContain('Its host "streamfuture.tv" is unknown to this version of VidRelay.');
    await expect(panel.text()).resolves.toContain('API keys, passwords and tokens in it are replaced by a marker');
    expect(await panel.text()).not.toContain('store-e2e-future-key-9999');
    expect(await options.accounts().texts()).toEqual([expect.stringContaining('Good media'), expect.stringContaining('Good vip')]);
  });

  it('tests the connection of each good account with its stored key', async () => {
    for (const [label, login] of [
      ['Good media', 'media-person'],
      ['Good vip', 'vip-person'],
    ]) {
      await options.editAccount(label);
      await options.testConnection();
      await expect(options.accountInfo('login').text()).resolves.toBe(login);
      await options.page.getByRole('button', { name: 'Cancel' }).click();
    }
  });

  it('saves a new account and keeps the unreadable entry in storage untouched', async () => {
    await options.fillAccount({
      host: 'megamax.me',
      apiBase: sim.apiBase('megamax.me'),
      login: 'mega-person',
      key: 'store-e2e-mega-key-3333',
      name: 'New mega',
    });
    await options.save();
    await options.accounts('New mega').waitFor();
    const worker = await session.worker();
    const entries = await storedAccountEntries(worker);
    expect(entries.acc_future).toEqual({ version: 1, data: future() });
    expect((await storedAccounts(worker)).map((a) => a.label)).toEqual(['Good media', 'From a newer build', 'Good vip', 'New mega']);
    await options.page.reload();
    await options.unreadable().find(role('heading', '1 account could not be read')).waitFor();
  });

  it('exports the entry without a passphrase with its key replaced by a marker, and says so', async () => {
    const text = await options.exportUnreadable('Account acc_future');
    expect(text).not.toContain('store-e2e-future-key-9999');
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      kind: 'account',
      entryKey: 'acc_future',
      secretsRemoved: 1,
      value: { version: 1, data: { ...future(), key: '[removed for export: secret]' } },
    });
    await expect(options.unreadableNotice().text()).resolves.toContain('without encryption: 1 secret values (API keys, passwords, tokens) were replaced');
  });

  it('exports the entry with a passphrase encrypted, the raw entry inside as stored', async () => {
    const text = await options.exportUnreadable('Account acc_future', 'e2e passphrase 42');
    expect(text).not.toContain('store-e2e-future-key-9999');
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      kind: 'account',
      entryKey: 'acc_future',
      encryption: { purpose: 'vidrelay-unreadable-entry', kdf: { name: 'PBKDF2', hash: 'SHA-256' } },
    });
    await expect(options.unreadableNotice().text()).resolves.toContain('encrypted with your passphrase');
    expect(JSON.parse(await decryptText(encryptedKeysSchema.parse(file.encryption), 'e2e passphrase 42', 'vidrelay-unreadable-entry'))).toEqual({
      value: { version: 1, data: future() },
    });
  });

  it('exports settings without the unreadable account and says so in the status line', async () => {
    const file = JSON.parse(await options.exportSettings());
    expect(file.accounts.map((a: { id: string }) => a.id)).not.toContain('acc_future');
    expect(file.accounts).toHaveLength(3);
    const status = options.ui.find(css('[role="status"]', '1 account could not be read and is not in this file'));
    await status.waitFor();
    await expect(status.attr('class')).resolves.toContain('warn');
  });

  it('removes the entry after confirmation', async () => {
    await options.removeUnreadable('Account acc_future');
    await options.unreadable().find({ text: 'Removed the unreadable entry.' }).waitFor();
    await options.unreadableEntry('Account acc_future').waitFor({ state: 'detached' });
    expect(Object.keys(await storedAccountEntries(await session.worker()))).toEqual(['acc_good1', 'acc_good2', expect.stringMatching(/^acc_/)]);
  });
});

describe('a profile of today updated to this build', () => {
  let session: ExtensionSession;
  const list = () => [
    account('acc_media', 'media.cm', 'Old media', 'store-e2e-media-key-1111', { defaults: { tags: 'kept', linkFormat: 'bbcode' } }),
    account('acc_mega', 'megamax.me', 'Old mega', 'store-e2e-mega-key-3333', { login: 'mega-person' }),
    account('acc_mp4', 'mp4upload.com', 'Old mp4', 'store-e2e-mp4-key-4444', { enabled: false }),
  ];
  const settings = { defaultAccountId: 'acc_mega', concurrency: { perHost: 3, overall: 5 }, linkFormat: 'markdown', linkTemplate: '{title}: {watch}' };
  const linkHealth = {
    version: 1,
    data: { checkedAt: 1_700_000_000_000, entries: { 'acc_media:gone00000001': { status: 'missing', checkedAt: 1_700_000_000_000 } }, unseen: 1 },
  };

  beforeAll(async () => {
    ({ session } = await profileWith({ accounts: { version: 1, data: list() }, settings: { version: 1, data: settings }, linkHealth }));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('moves every account and key over at start-up and keeps the settings as they were', async () => {
    await waitForMigration(session);
    const worker = await session.worker();
    expect(await storedAccounts(worker)).toEqual(list());
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings)).toEqual({ version: 1, data: settings });
  });

  it('lists every account with its key working and nothing reported', async () => {
    const options = await OptionsPage.open(session);
    await expect(options.accounts().count()).resolves.toBe(3);
    await expect(options.accounts('Old mega').text()).resolves.toContain('default');
    // Test connection shows the user's own login in full, megamax.me's too (its login is sent with the key).
    // mp4upload.com answers with an email only, shown as the email.
    for (const [label, field, login] of [
      ['Old media', 'login', 'media-person'],
      ['Old mega', 'login', 'mega-person'],
      ['Old mp4', 'email', 'mp4-person'],
    ]) {
      await options.editAccount(label);
      await options.testConnection();
      await expect(options.accountInfo(field).text()).resolves.toContain(login);
      await options.page.getByRole('button', { name: 'Cancel' }).click();
    }
    await expect(options.unreadable().count()).resolves.toBe(0);
  });

  it("moves link health's results out of storage.local into IndexedDB when they are first read, every result kept", async () => {
    const options = await OptionsPage.open(session);
    const status = await options.page.evaluate(() => chrome.runtime.sendMessage({ vidrelay: 1, type: 'health.status', payload: {} }));
    expect(status).toMatchObject({ ok: true, data: { unseen: 1, entries: [{ accountId: 'acc_media', code: 'gone00000001', status: 'missing' }] } });
    const worker = await session.worker();
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('linkHealth')).linkHealth ?? null)).toBeNull();
    const moved = await worker.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('vidrelay-health');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('records').objectStore('records').get('linkHealth');
            read.onsuccess = () => {
              open.result.close();
              resolve(read.result);
            };
          };
        }),
    );
    expect(moved).toEqual(linkHealth);
    await options.ui.close();
  });
});

describe('a profile whose settings and link health cannot be read', () => {
  let session: ExtensionSession;
  const settings = { version: 3, data: { linkFormat: 'html', fromTheFuture: true } };
  const linkHealth = { version: 1, data: { entries: { 'acc_media:abc': { status: 'gone-for-good', checkedAt: 1 } }, unseen: 1 } };

  beforeAll(async () => {
    const accounts = { version: 1, data: [account('acc_media', 'media.cm', 'Media', 'store-e2e-media-key-1111')] };
    ({ session } = await profileWith({ accounts, settings, linkHealth }));
    await waitForMigration(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('refuses the settings export with a coded error instead of writing defaults, and keeps both records', async () => {
    const options = await OptionsPage.open(session);
    await options.unreadable().find(role('heading', 'The link health results could not be read')).waitFor();
    await options.page.getByRole('button', { name: 'Export settings' }).click();
    const alert = options.page.locator('[role="alert"][data-code="storage_unreadable"]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('nothing was exported');
    const worker = await session.worker();
    expect(await worker.evaluate(async () => chrome.storage.local.get(['settings', 'linkHealth']))).toEqual({ settings, linkHealth });
  });
});

describe('a profile whose copy of the newest jobs cannot be read', () => {
  let session: ExtensionSession;
  let dir: string;
  // Written by a newer build: this one must neither use it nor write over it.
  const recentJobs = { version: 5, data: { rows: ['from a newer build'] } };
  const copyIn = async (worker: Worker) =>
    (await worker.evaluate(async () => chrome.storage.local.get('recentJobs'))).recentJobs as { version: number; data: { jobs: { id: string }[] } };

  beforeAll(async () => {
    const accounts = { version: 1, data: [account('acc_media', 'media.cm', 'Media', 'store-e2e-media-key-1111')] };
    ({ session, dir } = await profileWith({ accounts, recentJobs }));
    await waitForMigration(session);
    await seedHistory(await session.worker(), 30, ['acc_media']);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the newest jobs from the job list, reports the copy, and keeps it through new jobs', async () => {
    const popup = await PopupPage.open(session);
    await expect.poll(() => popup.jobs().count(), { timeout: 10_000 }).toBe(10);
    await popup.sendUrls([sim.videoUrl('copy-kept', 1024)]);
    await expect.poll(() => popup.jobs().count()).toBe(10);
    await popup.ui.close();
    const options = await OptionsPage.open(session);
    await options
      .unreadable()
      .find(
        role(
          'heading',
          'The copy of the newest jobs (shown while the job list opens) could not be read. The popup waits for the job list instead and the copy is not written over.',
        ),
      )
      .waitFor();
    // Well past the copy's own delay: a change is copied a second after it.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await copyIn(await session.worker())).toEqual(recentJobs);
    await options.ui.close();
  });

  it('writes the copy again once the unreadable one is removed, and the popup after a browser start shows it', async () => {
    const options = await OptionsPage.open(session);
    await options.removeUnreadable('Stored record');
    await options.unreadable().find({ text: 'Removed the unreadable entry.' }).waitFor();
    await options.ui.close();
    const popup = await PopupPage.open(session);
    await popup.sendUrls([sim.videoUrl('copy-new', 1024)]);
    const worker = await session.worker();
    await expect.poll(async () => (await copyIn(worker))?.data?.jobs?.length ?? 0, { timeout: 10_000 }).toBe(10);
    const shownIds = (page: PopupPage<PlaywrightUi>) =>
      page.page.locator('li[data-job-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-job-id')!));
    const shown = await shownIds(popup);
    await popup.ui.close();
    await session.close();
    session = await launchExtension({ userDataDir: dir });
    const copied = (await copyIn(await session.worker())).data.jobs.map((job) => job.id);
    expect(copied.slice(0, shown.length)).toEqual(shown);
    const again = await PopupPage.open(session);
    await expect.poll(() => shownIds(again)).toEqual(shown);
    await again.ui.close();
  });
});
