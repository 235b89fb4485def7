// The types name hosts from host-ids.ts, the app knows them from the
// registry; a host in one list only would be a stored account the types
// reject, or a type no preset serves.
import { describe, expect, it } from 'vitest';
import { hostIds } from '../../../lib/hosts/host-ids';
import { registeredHostIds } from '../../../lib/hosts/registry';

describe('host ids', () => {
  it('are the registry ids, each listed once', () => {
    expect(new Set(hostIds).size).toBe(hostIds.length);
    expect([...hostIds].sort()).toEqual([...registeredHostIds].sort());
  });
});
