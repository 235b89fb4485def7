import { describe, expect, it } from 'vitest';
import { accountSchema } from '../../../lib/accounts';
import { createHostClient, hostPresets } from '../../../lib/hosts';
import type { Capability } from '../../../lib/hosts/types';
import { hostInfoOf } from '../../../lib/background/accounts/host-fit';
import { toHostAccount } from '../../../lib/background/accounts/service';

// What an account's host can do is read from its preset and the account's
// overrides (and a custom host's probe) without building a client: it must say
// what that account's client would offer.

const readHere: readonly Capability[] = ['upload', 'remoteUpload', 'listFolder'];
const probes: (Capability[] | undefined)[] = [undefined, ['accountInfo', 'upload'], ['accountInfo', 'upload', 'remoteUpload', 'listFolder']];

describe('what an account’s host takes', () => {
  it('is what its client offers, for every host, every override of what is read, and a custom host’s probe', () => {
    let compared = 0;
    for (const preset of hostPresets) {
      for (const capability of readHere) {
        for (const override of [undefined, true, false]) {
          for (const probed of preset.id === 'xfs' ? probes : [undefined]) {
            const account = accountSchema.parse({
              id: 'acc',
              hostId: preset.id,
              label: 'Account',
              key: 'key-123456',
              login: 'someone',
              // A custom host (xfs, streamtape) has no address of its own.
              apiBase: preset.apiBase ? undefined : 'https://files.example/api',
              capabilityOverrides: override === undefined ? undefined : { [capability]: override },
              probedCapabilities: probed,
            });
            const offered = createHostClient(toHostAccount(account)).capabilities;
            const info = hostInfoOf(account);
            const seen = `${preset.id}, ${capability} ${String(override)}, probed ${String(probed)}`;
            expect({ upload: info?.canUpload, remoteUpload: info?.canRemote, listFolder: info?.folders }, seen).toEqual({
              upload: offered.has('upload'),
              remoteUpload: offered.has('remoteUpload'),
              listFolder: offered.has('listFolder'),
            });
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(hostPresets.length * 9);
  });

  it('needs no key: an account whose key is still to be entered says what its host takes', () => {
    const account = accountSchema.parse({ id: 'acc', hostId: 'megamax.me', label: 'Mega', key: '' });
    expect(() => createHostClient(toHostAccount(account))).toThrow();
    expect(hostInfoOf(account)).toMatchObject({ label: 'megamax.me', canUpload: true, canRemote: false, folders: false });
  });
});
