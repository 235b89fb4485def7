// @vitest-environment node
// A capability assumed for a custom host that the host refuses at first use
// (host-sim's reduced XFS profile has no file/clone): the stored account has
// it switched off once, the user is told once, and the next client lacks it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountSchema } from '../../../lib/accounts';
import { clientForAccount } from '../../../lib/background/accounts/service';
import { switchOffDiscovered } from '../../../lib/background/accounts/discovered';
import { accountsItem } from '../../../lib/storage/items';
import type { HostId } from '../../../lib/hosts/types';
import { startHostSim, type HostSim } from '../../host-sim';

let sim: HostSim;
beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 60_000 });
});
afterAll(async () => {
  await sim?.close();
});

let told: { id: string; title: string; message: string }[];
beforeEach(() => {
  told = [];
  fakeBrowser.notifications.create = (async (id: string, options: { title: string; message: string }) => {
    told.push({ id, title: options.title, message: options.message });
    return id;
  }) as never;
});

let serial = 0;
async function storedCustomAccount() {
  const key = `discover${++serial}key`;
  sim.addAccount({ hostId: 'xfs-lite' as HostId, key });
  const account = accountSchema.parse({
    id: `acc${serial}`,
    hostId: 'xfs',
    label: 'My host',
    apiBase: sim.apiBase('xfs-lite' as HostId),
    key,
    allowHttp: true,
    // As the probe leaves it: cloning assumed from the standard set.
    probedCapabilities: ['accountInfo', 'upload', 'remoteUpload', 'listFiles', 'fileInfo', 'cloneFile'],
  });
  await accountsItem.set([account]);
  return { account, key };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a capability the host turns out not to offer', () => {
  it('is switched off on the account once and the user is told once', async () => {
    const { account, key } = await storedCustomAccount();
    const client = clientForAccount(account, { backoffMs: 1 });
    const file = sim.addFile('xfs-lite' as HostId, key, { title: 'Source' });
    const errors = await Promise.all([client.cloneFile(file.code).catch((e: unknown) => e), client.cloneFile(file.code).catch((e: unknown) => e)]);
    for (const error of errors) expect(error).toMatchObject({ code: 'unsupported', capability: 'cloneFile', discovered: true });
    await settle();
    const [stored] = await accountsItem.get();
    expect(stored.capabilityOverrides).toEqual({ cloneFile: false });
    expect(told).toHaveLength(1);
    expect(told[0].message).toContain('My host');
    expect(told[0].message).toContain('does not offer cloning through its API');
    expect(told[0].message).not.toContain(key);
    // The next client of the stored account no longer offers it, and asking again tells no one.
    expect(clientForAccount(stored, { backoffMs: 1 }).capabilities.has('cloneFile')).toBe(false);
    expect(await switchOffDiscovered(account.id, errors[0])).toBe(false);
    expect(told).toHaveLength(1);
  });

  it('leaves the account alone for an ordinary error', async () => {
    const { account } = await storedCustomAccount();
    const client = clientForAccount(account, { backoffMs: 1 });
    await client.fileInfo(['nosuchfile000']).catch(() => undefined);
    await settle();
    expect(await switchOffDiscovered(account.id, new Error('offline'))).toBe(false);
    const [stored] = await accountsItem.get();
    expect(stored.capabilityOverrides).toBeUndefined();
    expect(told).toHaveLength(0);
  });
});
