import type { Capability } from '../../../lib/hosts/types';
import type { AccountCapabilities } from '../../../lib/protocol/files';
import { capabilityWords } from '../../format/capabilityWords';
import { t } from '../../../lib/i18n';

// Why an action is unavailable, in words the user can act on.

/** Undefined when the account can do it; else the reason it cannot. */
export function unavailable(caps: AccountCapabilities | undefined, capability: Capability): string | undefined {
  if (!caps) return t('capLoading');
  if (caps.capabilities.includes(capability)) return undefined;
  return t('capUnavailable', [caps.hostLabel, capabilityWords[capability]]);
}
