// @vitest-environment node
// The contract suite over every registered preset, plus the registry-wide checks.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { capabilityNames, createHostClient, hostPresets, getPreset } from '../../../lib/hosts';
import type { HostId } from '../../../lib/hosts/types';
import { rejection } from './app-error';
import { describeContract, newAccount, sim, withHostSim } from './contract-suite';

withHostSim();
describeContract(hostPresets);

describe('presets', () => {
  it('lists the seed hosts first and the custom host last, each with links and capabilities', () => {
    expect(hostPresets.map((p) => p.id).slice(0, 5)).toEqual(['media.cm', 'vipstream.cc', 'mp4upload.com', 'watching.vn', 'megamax.me']);
    expect(hostPresets.at(-1)!.id).toBe('xfs');
    expect(hostPresets.length).toBeGreaterThanOrEqual(14);
    for (const p of hostPresets) {
      expect(getPreset(p.id)).toBe(p);
      expect(p.links.watch).toContain('{code}');
      expect(p.capabilities.has('accountInfo')).toBe(true);
    }
    expect(getPreset('nope')).toBeUndefined();
  });

  it('can switch on exactly what its client implements, its own capabilities among them', () => {
    const everything = Object.fromEntries(capabilityNames.map((c) => [c, true]));
    for (const p of hostPresets) {
      const client = createHostClient({
        id: 'a',
        hostId: p.id,
        apiBase: 'https://files.example/api',
        key: 'k123456',
        login: 'x',
        capabilityOverrides: everything,
      });
      expect([...client.capabilities].sort(), p.id).toEqual([...p.switchable].sort());
      for (const c of p.capabilities) expect(p.switchable.has(c), `${p.id} ${c}`).toBe(true);
    }
  });

  it('fills templates from the account base, with user templates first', () => {
    const base = { id: 'a', key: 'k123456' };
    expect(createHostClient({ ...base, hostId: 'mp4upload.com' }).links('abc')).toEqual({
      watch: 'https://www.mp4upload.com/abc',
      embed: 'https://www.mp4upload.com/embed-abc.html',
    });
    expect(createHostClient({ ...base, hostId: 'megamax.me', login: 'x' }).links('Q1').watch).toBe('https://megamax.me/v/Q1');
    const custom = createHostClient({ ...base, hostId: 'xfs', apiBase: 'https://vids.example.org/api/', linkTemplates: { embed: '{origin}/embed/{code}' } });
    expect(custom.links('c0de')).toEqual({ watch: 'https://vids.example.org/c0de', embed: 'https://vids.example.org/embed/c0de' });
  });

  it('rejects bad accounts with invalid_input', () => {
    expect(() => createHostClient({ id: 'a', hostId: 'xfs', key: 'k123456' })).toThrow(AppError);
    expect(() => createHostClient({ id: 'a', hostId: 'media.cm', key: '' })).toThrow(/API key/);
    expect(() => createHostClient({ id: 'a', hostId: 'nope' as HostId, key: 'k123456' })).toThrow(/Unknown host/);
  });

  it('upgrades a remote http upload server to https unless allowed', async () => {
    const serve = (url: string) => (async () => new Response(JSON.stringify({ msg: 'OK', status: 200, result: url }), { status: 200 })) as typeof fetch;
    const account = { id: 'a', hostId: 'media.cm' as const, key: 'k123456' };
    const target = await createHostClient(account, { fetch: serve('http://01.media.cm/upload/01') }).uploadTarget({ title: 'T', public: true });
    expect(target).toEqual({ url: 'https://01.media.cm/upload/01', fields: { key: 'k123456', file_title: 'T', file_public: '1' }, fileField: 'file' });
    const allowed = await createHostClient({ ...account, allowHttp: true }, { fetch: serve('http://01.media.cm/upload/01') }).uploadTarget();
    expect(allowed.url).toBe('http://01.media.cm/upload/01');
  });

  it('lets capability overrides win over the preset', async () => {
    const { key } = newAccount(getPreset('vipstream.cc')!);
    const client = createHostClient(
      { id: 'o', hostId: 'vipstream.cc', apiBase: sim.apiBase('vipstream.cc'), key, capabilityOverrides: { dmcaFiles: false, directLinks: true } },
      { backoffMs: 1 },
    );
    expect(client.capabilities.has('dmcaFiles')).toBe(false);
    expect(client.capabilities.has('directLinks')).toBe(true);
    expect((await rejection(client.dmcaFiles())).code).toBe('unsupported');
    // vipstream.cc has no file/direct_link: the standard endpoint answers a 404 page, found out at first use.
    const missing = await rejection(client.directLinks('abcdefabcdef'));
    expect(missing.code).toBe('unsupported');
    expect(missing).toMatchObject({ capability: 'directLinks', discovered: true });
  });
});
