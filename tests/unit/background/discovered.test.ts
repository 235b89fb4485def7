// @vitest-environment node
// A capability assumed for a custom host that the host refuses at first use
// (host-sim's reduced XFS profile has no file/clone): the account service
// switches it off once on the stored account it was given (an in-memory store
// here: browser storage stays untouched), the user is told once, and the next
// client lacks it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountSchema } from '../../../lib/accounts';
import { createAccounts } from '../../../lib/background/accounts/service';
import type { HostId } from '../../../lib/hosts/types';
import { startHostSim, type HostSim } from '../../host-sim';
import { memoryAccountStore, memorySettingsStore, type MemoryAccountStore } from './context-fakes';

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
});

function service(store: MemoryAccountStore) {
  const notify = async (id: string, title: string, message: string) => void told.push({ id, title, message });
  return createAccounts({ store, settings: memorySettingsStore(), hasAccess: async () => true, notify, hostDeps: { backoffMs: 1 } });
}

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
  const store = memoryAccountStore([account]);
  return { account, key, store, accounts: service(store) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a capability the host turns out not to offer', () => {
  it('is switched off on the account once and the user is told once', async () => {
    const { account, key, store, accounts } = await storedCustomAccount();
    const client = accounts.clientOf(account);
    const file = sim.addFile('xfs-lite' as HostId, key, { title: 'Source' });
    const errors = await Promise.all([client.cloneFile(file.code).catch((e: unknown) => e), client.cloneFile(file.code).catch((e: unknown) => e)]);
    for (const error of errors) expect(error).toMatchObject({ code: 'unsupported', capability: 'cloneFile', discovered: true });
    await settle();
    const [stored] = store.peek();
    expect(stored.capabilityOverrides).toEqual({ cloneFile: false });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(told).toHaveLength(1);
    expect(told[0].message).toContain('My host');
    expect(told[0].message).toContain('does not offer cloning through its API');
    expect(told[0].message).not.toContain(key);
    // The next client of the stored account no longer offers it, and asking again tells no one.
    expect(accounts.clientOf(stored).capabilities.has('cloneFile')).toBe(false);
    expect(await accounts.switchOffDiscovered(account.id, errors[0])).toBe(false);
    expect(told).toHaveLength(1);
  });

  it('leaves the account alone for an ordinary error', async () => {
    const { account, store, accounts } = await storedCustomAccount();
    const client = accounts.clientOf(account);
    await client.fileInfo(['nosuchfile000']).catch(() => undefined);
    await settle();
    expect(await accounts.switchOffDiscovered(account.id, new Error('offline'))).toBe(false);
    const [stored] = store.peek();
    expect(stored.capabilityOverrides).toBeUndefined();
    expect(told).toHaveLength(0);
  });
});
