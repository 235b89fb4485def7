import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostId } from '../../../lib/hosts/types';
import { startHostSim, type HostSim } from '../../host-sim';
import { launchExtension, type ExtensionSession } from '../../browsers/chromium';
import { OptionsPage } from '../shared/pages/OptionsPage';
import { PopupPage } from '../shared/pages/PopupPage';
import { storedAccounts } from '../../browsers/stored-accounts';

// The link templates a user can change, and a custom host whose features are
// probed on save and can be overridden.

const KEY = 'adv-e2e-media-key-4242';
const LITE_KEY = 'adv-e2e-lite-key-4242';
let sim: HostSim;
let session: ExtensionSession;

beforeAll(async () => {
  sim = await startHostSim();
  sim.addAccount({ hostId: 'media.cm', key: KEY });
  sim.addAccount({ hostId: 'xfs-lite' as HostId, key: LITE_KEY });
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

async function storedAccount(label: string): Promise<Record<string, unknown> | undefined> {
  return (await storedAccounts(await session.worker())).find((a) => a.label === label);
}

describe('advanced account settings', () => {
  it('builds links from the watch template the user set', async () => {
    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'media.cm', apiBase: sim.apiBase('media.cm'), key: KEY, name: 'Templated' });
    await options.page.getByText('Advanced: link templates and features').click();
    await options.page.getByLabel('Watch link template').fill('{origin}/v/{code}');
    await options.save();
    await options.page.close();

    const popup = await PopupPage.open(session);
    const video = sim.videoUrl('templated', 16 * 1024);
    await popup.sendUrls([video], 'Templated');
    const link = popup.page.locator('li[data-job-id] a[data-field="link"]').first();
    await link.waitFor();
    const code = sim.remoteUploads.find((r) => r.url === video)!.fileCode;
    expect(await link.getAttribute('href')).toBe(`${sim.origin}/v/${code}`);
    await popup.page.close();
  });

  it('probes a custom host on save, and keeps the user override of a feature', async () => {
    const options = await OptionsPage.open(session);
    await options.fillAccount({ host: 'xfs', apiBase: sim.apiBase('xfs-lite' as HostId), key: LITE_KEY, name: 'Lite host' });
    await options.save();
    const probed = (await storedAccount('Lite host'))?.probedCapabilities as string[];
    // Only read-only endpoints are probed: what changes things (remote upload, cloning) is assumed until first use.
    expect(probed).toContain('remoteUpload');
    expect(probed).toContain('cloneFile');
    expect(probed).not.toContain('dmcaFiles');
    expect(probed).not.toContain('deletedFiles');

    await options.page.getByRole('button', { name: 'Edit Lite host' }).click();
    await options.page.getByText('Advanced: link templates and features').click();
    const dmca = options.page.getByLabel('DMCA list');
    await expect(dmca.locator('option').first().textContent()).resolves.toBe('Automatic (off)');
    await dmca.selectOption('on');
    await options.save();
    const stored = await storedAccount('Lite host');
    expect(stored?.capabilityOverrides).toEqual({ dmcaFiles: true });
    expect(stored?.probedCapabilities).toEqual(probed);
    await options.page.close();
  });
});
