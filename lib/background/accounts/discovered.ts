import type { Account } from '../../accounts';
import type { AccountStore } from '../../storage/items';
import type { Capability, HostClient } from '../../hosts/types';
import { t, type MessageKey } from '../../i18n';

// A capability the account assumed (standard XFS set, or switched on in
// Options → Advanced) that the host refused at first use: it is switched
// off on the stored account once, and the user is told once. From then on
// the client no longer offers it and the UI shows it as unavailable. The
// account service (service.ts) does this over the store it was given.

function discoveredCapability(error: unknown): Capability | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { discovered, capability } = error as { discovered?: unknown; capability?: unknown };
  return discovered === true && typeof capability === 'string' ? (capability as Capability) : undefined;
}

/** Whether the stored account still has this capability switched on (by an override or by its probe). */
function stillOn(account: Account, capability: Capability): boolean {
  const override = account.capabilityOverrides?.[capability];
  if (override !== undefined) return override;
  return !account.probedCapabilities || account.probedCapabilities.includes(capability);
}

/** The UI's word for a capability: its message is `cap` + the capability's name (see components/format/capabilityWords.ts). */
const capabilityWord = (capability: Capability) => t(`cap${capability[0].toUpperCase()}${capability.slice(1)}` as MessageKey);

export interface SwitchOffDeps {
  store: Pick<AccountStore, 'update'>;
  notify(id: string, title: string, message: string): Promise<void>;
}

/** True when this call switched it off (the first one to learn it); the user is told then. */
export async function switchOffDiscovered({ store, notify }: SwitchOffDeps, accountId: string, error: unknown): Promise<boolean> {
  const capability = discoveredCapability(error);
  if (!capability) return false;
  let switched: Account | undefined;
  await store.update((all) =>
    all.map((account) => {
      if (account.id !== accountId || !stillOn(account, capability)) return account;
      switched = { ...account, capabilityOverrides: { ...account.capabilityOverrides, [capability]: false } };
      return switched;
    }),
  );
  if (!switched) return false;
  await notify(
    `capability-off:${accountId}:${capability}`,
    t('notifyCapabilityOff', switched.label),
    t('notifyCapabilityOffBody', [switched.label, capabilityWord(capability)]),
  );
  return true;
}

/** The client, with every rejection that discovers a missing capability handed to `onDiscovered`. */
export function discoveringClient(client: HostClient, onDiscovered: (error: unknown) => Promise<unknown>): HostClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(out instanceof Promise)) return out;
        return out.catch((error: unknown) => {
          if (discoveredCapability(error)) {
            void onDiscovered(error).catch((problem) => console.error('VidRelay: could not switch off a capability', problem));
          }
          throw error;
        });
      };
    },
  });
}
