import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSim, type HostSim } from '../../host-sim';
import { chromiumBackground } from '../../browsers/chromium-worker';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { FilesScenario } from '../shared/flows/files';
import type { PlaywrightUi } from '../shared/driver/playwright';
import type { ManagerPage } from '../shared/pages/ManagerPage';
import { storedAccounts } from '../../browsers/stored-accounts';
import { xfsTime } from '../../host-sim/time';

// Link management against the local host: folders, rename, move, copy as
// BBCode (read back from the real clipboard; tests/e2e/shared/flows/files.ts), then
// in Chromium only: the history as CSV, link health, the account views.

const KEY = 'e2e-vip-key-0005';
const LABEL = 'Vip Files';
let sim: HostSim;
let session: ExtensionSession;
let scenario: FilesScenario<PlaywrightUi>;
let manager: ManagerPage<PlaywrightUi>;

beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 300 });
  session = await launchExtension();
  // CDP calls chrome-extension:// origins opaque, so the grant goes to every origin of this throwaway profile.
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  scenario = await FilesScenario.start({ session, sim, background: chromiumBackground(session) }, { key: KEY, label: LABEL });
  manager = scenario.manager;
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

describe('files', () => {
  it('browses folders', () => scenario.browsesFolders());

  it('renames a file', () => scenario.renamesFile());

  it('moves two files into a folder', () => scenario.movesTwoFiles());

  it('copies the selection as BBCode', () => scenario.copiesBbcode());

  it('exports the history as CSV', async () => {
    const accountId = (await storedAccounts(manager.page)).find((a) => a.label === LABEL)?.id ?? '';
    const urls = [sim.videoUrl('history-one', 16 * 1024), sim.videoUrl('history-two', 16 * 1024)];
    const reply = await manager.page.evaluate(
      ({ id, list }) => chrome.runtime.sendMessage({ vidrelay: 1, type: 'remote.send', payload: { accountId: id, urls: list } }),
      { id: accountId, list: urls },
    );
    expect(reply).toMatchObject({ ok: true });
    await expect.poll(() => sim.remoteUploads.filter((r) => urls.includes(r.url)).length, { timeout: 15_000 }).toBe(2);

    await manager.openTab('History');
    await expect.poll(() => manager.page.locator('li[data-job-id]').count(), { timeout: 15_000 }).toBe(2);
    const all = await manager.exportHistory('Export CSV');
    expect(all.name).toMatch(/^vidrelay-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = all.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,kind,account,state,url,title,fileCode,watch,embed,createdAt,error');
    expect(lines).toHaveLength(3);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[4]).sort()).toEqual([...urls].sort());
    for (const row of rows) {
      expect(row[1]).toBe('remote');
      expect(row[2]).toBe(LABEL);
      const upload = sim.remoteUploads.find((r) => r.url === row[4]);
      expect(row[6]).toBe(upload?.fileCode);
    }
    expect(all.text).not.toContain(KEY);

    await manager.searchHistory('history-two');
    const one = await manager.exportHistory('Export CSV');
    const oneLines = one.text.trimEnd().split('\r\n');
    expect(oneLines).toHaveLength(2);
    expect(oneLines[1]).toContain(urls[1]);
  });

  it('checks link health, marks the missing file and counts it on the toolbar badge until seen', async () => {
    await manager.openTab('Files');
    await expect.poll(() => manager.fileTitles()).toContain('Gamma clip');
    // Gone from the host after the list was loaded, as when a host removes a file.
    sim.accountFor('vipstream.cc', KEY)!.files.delete(scenario.files['Gamma clip'].code);
    await manager.selectFile('Gamma clip');
    await manager.selectFile('Delta clip');
    await manager.page.getByRole('button', { name: 'Check links' }).click();
    await expect.poll(() => manager.toast().text()).toBe('Checked 2 links: 1 with problems');
    const worker = await session.worker();
    const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));
    await expect.poll(badge).toBe('1');
    await manager.folder('All files').click();
    await expect.poll(() => manager.fileRow('Gamma clip', 'health').text()).toBe('Missing');
    expect(await manager.fileRow('Delta clip', 'health').count()).toBe(0);

    await manager.openTab('History');
    await expect.poll(badge).toBe('');
  });

  it('shows the account views: statistics chart, encodings, deleted files and DMCA notices', async () => {
    const host = sim.accountFor('vipstream.cc', KEY)!;
    // Known when the view opens: nothing deleted at the host, and nothing encoding (files were added ready,
    // and the remote uploads above finished encoding, encodeMs 300, long ago).
    expect(host.deleted).toEqual([]);
    await manager.openTab('Account');
    await manager.page.getByRole('img', { name: /^Chart of views, downloads from / }).waitFor();
    await manager.page.getByLabel('Days').fill('7');
    await manager.page.getByRole('button', { name: 'Show statistics' }).click();
    const dmca = manager.page.getByRole('region', { name: 'DMCA notices' });
    await expect.poll(() => dmca.locator('li').count()).toBe(1);

    const encoding = manager.page.getByRole('region', { name: 'Encoding queue' });
    const deleted = manager.page.getByRole('region', { name: 'Deleted files' });
    await expect.poll(() => encoding.locator('p.empty').textContent()).toBe('Nothing is encoding right now.');
    expect(await encoding.locator('li').count()).toBe(0);
    await expect.poll(() => deleted.locator('p.empty').textContent()).toBe('No deleted files.');
    expect(await deleted.locator('li').count()).toBe(0);

    // Then one file starts encoding (its start an hour ahead: it stays pending at 0 %) and one (Alpha, renamed above) is deleted at the host.
    sim.addFile('vipstream.cc', KEY, { title: 'Epsilon clip', status: 'encoding', encodeStartedAt: Date.now() + 3_600_000 });
    const gone = scenario.files['Alpha clip'];
    host.files.delete(gone.code);
    host.deleted.unshift({ ...gone, deleted: xfsTime() });

    await encoding.getByRole('button', { name: 'Refresh encoding queue' }).click();
    // The host lists two qualities per encoding file.
    await expect.poll(() => encoding.locator('li .badge').allTextContents()).toEqual(['h', 'l']);
    for (const row of await encoding.locator('li').allTextContents()) expect(row).toMatch(/^Epsilon clip[hl]PENDING0%$/);
    expect(await encoding.locator('p.empty').count()).toBe(0);
    await deleted.getByRole('button', { name: 'Refresh deleted files' }).click();
    await expect.poll(() => deleted.locator('li').count()).toBe(1);
    await expect(deleted.locator('li').textContent()).resolves.toContain(gone.title);
    await expect(deleted.locator('li').textContent()).resolves.toContain(gone.code);
    expect(await deleted.locator('p.empty').count()).toBe(0);
  });
});
