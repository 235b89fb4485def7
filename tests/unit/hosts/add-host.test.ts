// @vitest-environment node
// Adding an XFS host is one preset file (lib/hosts/presets/, built with
// lib/hosts/xfs/define.ts) plus one registry line. This test adds a throwaway
// preset exactly that way (the file in throwaway/, the line in the mock below)
// and shows that everything else follows: the public preset list, the
// stored-account schema, host-sim's profile, the demo seed and the whole
// contract suite. A real host's id also goes into lib/hosts/host-ids.ts, which
// only the types read (host-ids.test.ts keeps it equal to the registry).
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../lib/hosts/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/hosts/registry')>();
  const { exampleTube } = await import('./throwaway/example-tube');
  return real.registryOf([...real.registry, exampleTube]); // the one registry line
});

const { getPreset, hostPresets } = await import('../../../lib/hosts');
const { accountSchema } = await import('../../../lib/accounts');
const { seedDemo } = await import('../../host-sim/demo-seed');
const suite = await import('./contract-suite'); // a namespace, so `suite.sim` stays live

suite.withHostSim();

describe('a host added in one file and one registry line', () => {
  const preset = getPreset('example.tube')!;

  it('is listed with capabilities derived from its endpoints', () => {
    expect(hostPresets.at(-1)).toBe(preset);
    expect(preset.capabilities.has('dmcaFiles')).toBe(false);
    expect(preset.capabilities.has('editFolder')).toBe(true);
    expect(preset).toMatchObject({ customSnapshot: true, snapshotMaxBytes: 500_000, cloneToFolder: false });
  });

  it('is a host id stored accounts may name', () => {
    const parsed = accountSchema.safeParse({ id: 'a1', hostId: 'example.tube', label: 'Tube', key: 'k1234567', defaults: {} });
    expect(parsed.success).toBe(true);
  });

  it('gets a host-sim profile and a demo account', async () => {
    const demo = seedDemo(suite.sim).find((a) => a.hostId === ('example.tube' as never))!;
    expect(demo.apiBase).toBe(`${suite.sim.origin}/example.tube/api`);
    const [folderId] = suite.sim.accountFor(demo.hostId, demo.key)!.folders.keys();
    const reply = await fetch(`${demo.apiBase}/folder/rename?key=${demo.key}&fld_id=${folderId}&name=Renamed`);
    expect(await reply.json()).toMatchObject({ status: 200 });
    expect(suite.sim.accountFor(demo.hostId, demo.key)!.folders.get(folderId!)!.name).toBe('Renamed');
  });
});

suite.describeContract([getPreset('example.tube')!]);
