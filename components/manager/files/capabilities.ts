import type { Capability } from '../../../lib/hosts/types';
import type { AccountCapabilities } from '../../../lib/protocol/files';
import { capabilityWords } from '../../capabilityWords';

// Why an action is unavailable, in words the user can act on.

/** Undefined when the account can do it; else the reason it cannot. */
export function unavailable(caps: AccountCapabilities | undefined, capability: Capability): string | undefined {
  if (!caps) return 'Loading what this host supports…';
  if (caps.capabilities.includes(capability)) return undefined;
  return `Not available on ${caps.hostLabel}: its API has no ${capabilityWords[capability]}.`;
}
