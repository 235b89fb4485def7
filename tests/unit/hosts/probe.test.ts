// @vitest-environment node
// The capability probe for a custom host (XFS or Streamtape family) asks
// read-only endpoints only, a capability assumed from the family's set is
// confirmed at first use, and the family itself is told from one read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { createHostClient, getPreset, isUnsupportedAtHost, probeCapabilities, probeFamily } from '../../../lib/hosts';
import type { HostId } from '../../../lib/hosts/types';
import { startHostSim, type HostSim } from '../../host-sim';

let sim: HostSim;
let serial = 0;
beforeAll(async () => {
  sim = await startHostSim({ encodeMs: 60_000 });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => sim.clearFaults());

const readOnly = [
  'account/info',
  'account/stats',
  'upload/server',
  'file/list',
  'file/info',
  'file/deleted',
  'file/dmca',
  'file/encodings',
  'file/direct_link',
  'folder/list',
];

function account(simHost: string) {
  const key = `probe${++serial}key`;
  sim.addAccount({ hostId: simHost as HostId, key });
  return { id: 'p', hostId: 'xfs' as const, apiBase: sim.apiBase(simHost as HostId), key };
}

function calledBy(run: () => Promise<unknown>): Promise<string[]> {
  const before = sim.requests.length;
  return run().then(() => sim.requests.slice(before).map((r) => r.path.replace(/^\/[^/]+\/api\//, '')));
}

describe('probeCapabilities', () => {
  it('calls exactly the read-only endpoints, once each, and nothing that creates, changes or deletes', async () => {
    const acct = account('xfs');
    const called = await calledBy(() => probeCapabilities(acct, { backoffMs: 1 }));
    expect(called.sort()).toEqual([...readOnly].sort());
    const lite = account('xfs-lite');
    expect((await calledBy(() => probeCapabilities(lite, { backoffMs: 1 }))).sort()).toEqual([...readOnly].sort());
    for (const writer of ['upload/url', 'file/edit', 'file/clone', 'file/delete', 'file/set_folder', 'folder/create', 'folder/edit', 'file/rename']) {
      expect(called).not.toContain(writer);
    }
    const host = sim.accountFor('xfs' as HostId, acct.key)!;
    expect(host.files.size + host.folders.size).toBe(0);
  });

  it('finds every standard capability on the full XFS host', async () => {
    expect(await probeCapabilities(account('xfs'), { backoffMs: 1 })).toEqual(getPreset('xfs')!.capabilities);
  });

  it('marks read-only endpoints a reduced host lacks unsupported, and assumes the rest from the standard set', async () => {
    const found = await probeCapabilities(account('xfs-lite'), { backoffMs: 1 });
    expect([...found].sort()).toEqual(
      ['accountInfo', 'upload', 'listFiles', 'fileInfo', 'listFolder']
        .concat(['remoteUpload', 'editFile', 'cloneFile', 'moveFiles', 'deleteFiles', 'createFolder', 'editFolder'])
        .sort(),
    );
  });

  it('lets the user override what it found', async () => {
    const found = await probeCapabilities({ ...account('xfs-lite'), capabilityOverrides: { dmcaFiles: true, listFolder: false } }, { backoffMs: 1 });
    expect(found.has('dmcaFiles')).toBe(true);
    expect(found.has('listFolder')).toBe(false);
  });

  it('fails with auth for a wrong key', async () => {
    const error = await probeCapabilities({ id: 'p', hostId: 'xfs', apiBase: sim.apiBase('xfs'), key: 'nobody-here' }, { backoffMs: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('auth');
  });
});

describe('an assumed capability the host refuses at first use', () => {
  it('raises unsupported with the capability, for a JSON "not allowed in API" reply, before changing anything', async () => {
    const acct = account('xfs-lite');
    const found = await probeCapabilities(acct, { backoffMs: 1 });
    const client = createHostClient({ ...acct, capabilityOverrides: Object.fromEntries([...found].map((c) => [c, true])) }, { backoffMs: 1 });
    const file = sim.addFile('xfs-lite' as HostId, acct.key, { title: 'Source' });
    const error = await client.cloneFile(file.code).catch((e: unknown) => e);
    expect(isUnsupportedAtHost(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unsupported', capability: 'cloneFile', discovered: true, retryable: false });
    expect((error as Error).message).toMatch(/Options → Advanced/);
    expect(sim.accountFor('xfs-lite' as HostId, acct.key)!.files.size).toBe(1);
  });

  it('raises it for a 404 page, while a JSON 404 about a file stays not_found', async () => {
    const acct = account('xfs-lite');
    const client = createHostClient({ ...acct, capabilityOverrides: { createFolder: true } }, { backoffMs: 1 });
    expect(await client.createFolder('x').catch((e: unknown) => e)).toMatchObject({ code: 'unsupported', capability: 'createFolder' });
    const full = account('xfs');
    const xfsClient = createHostClient(full, { backoffMs: 1 });
    expect(await xfsClient.editFile(['zzzzzzzzzzzz'], { title: 't' }).catch((e: unknown) => e)).toMatchObject({ code: 'not_found' });
  });
});

describe('a custom Streamtape-compatible host', () => {
  const login = 'tapeprobe';
  function tapeAccount(simHost: string, hostId: 'streamtape' | 'xfs' = 'streamtape') {
    const key = `tape${++serial}key`;
    sim.addAccount({ hostId: simHost as HostId, key, login });
    return { id: 'p', hostId, apiBase: sim.apiBase(simHost as HostId), key, login };
  }
  const tapeReadOnly = ['account/info', 'file/ul', 'remotedl/status', 'file/listfolder', 'file/runningconverts'];

  it('is probed on its read-only endpoints only, once each, with login and key, creating nothing', async () => {
    const acct = tapeAccount('streamtape');
    const before = sim.requests.length;
    const found = await probeCapabilities(acct, { backoffMs: 1 });
    const asked = sim.requests.slice(before);
    expect(asked.map((r) => r.path.replace(/^\/[^/]+\/api\//, '')).sort()).toEqual([...tapeReadOnly].sort());
    expect(asked.every((r) => r.query.login === login && r.query.key === acct.key)).toBe(true);
    expect(found).toEqual(getPreset('streamtape')!.capabilities);
    const host = sim.accountFor('streamtape', acct.key)!;
    expect(host.files.size + host.folders.size + sim.remoteUploads.filter((r) => r.hostId === 'streamtape').length).toBe(0);
  });

  it('marks what a reduced host lacks (a 404 page, a JSON refusal) unsupported and assumes the writers', async () => {
    const found = await probeCapabilities(tapeAccount('streamtape-lite'), { backoffMs: 1 });
    expect([...found].sort()).toEqual(
      ['accountInfo', 'upload', 'listFolder'].concat(['remoteUpload', 'createFolder', 'editFolder', 'editFile', 'moveFiles', 'deleteFiles']).sort(),
    );
  });

  it('finds a writer missing at first use, before anything changes', async () => {
    const acct = tapeAccount('streamtape-lite');
    const client = createHostClient(acct, { backoffMs: 1 });
    expect(await client.createFolder('x').catch((e: unknown) => e)).toMatchObject({ code: 'unsupported', capability: 'createFolder', discovered: true });
    expect(sim.accountFor('streamtape-lite' as HostId, acct.key)!.folders.size).toBe(0);
    // A JSON 404 about a folder is the API answering, not a missing endpoint.
    expect(await client.listFolder('nope').catch((e: unknown) => e)).toMatchObject({ code: 'not_found' });
  });

  it('fails with auth for a wrong login', async () => {
    const error = await probeCapabilities({ ...tapeAccount('streamtape'), login: 'someone-else' }, { backoffMs: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth' });
  });
});

describe('probeFamily', () => {
  it('tells an XFS host from a Streamtape-compatible one by one read of account/info', async () => {
    const key = `fam${++serial}`;
    sim.addAccount({ hostId: 'streamtape', key, login: 'famuser' });
    // Saved as an XFS host, the address still speaks Streamtape's API.
    const asXfs = { id: 'f', hostId: 'xfs' as const, apiBase: sim.apiBase('streamtape'), key, login: 'famuser' };
    const before = sim.requests.length;
    expect(await probeFamily(asXfs, { backoffMs: 1 })).toBe('streamtape');
    expect(sim.requests.slice(before).map((r) => r.path)).toEqual(['/streamtape/api/account/info']);
    expect(await probeFamily(account('xfs'), { backoffMs: 1 })).toBe('xfs');
    expect(await probeFamily({ ...account('xfs'), hostId: 'streamtape', login: 'anyone' }, { backoffMs: 1 })).toBe('xfs');
  });

  it('cannot tell for refused credentials that show neither envelope, and says auth', async () => {
    const error = await probeFamily({ id: 'f', hostId: 'streamtape', apiBase: sim.apiBase('streamtape'), key: 'nobody', login: 'x' }, { backoffMs: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'auth' });
  });
});
