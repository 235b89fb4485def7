import { assembleClient, resolveCapabilities } from './client-kit';
import { setupAccount } from './setup';
import type { Capability, HostAccount, HostClient, HostClientDeps } from './types';

/**
 * A client for one account. Throws AppError `invalid_input` at once for an
 * unknown host, an empty key or a bad API base; every method then rejects
 * only with AppError.
 */
export function createHostClient(account: HostAccount, deps: HostClientDeps = {}): HostClient {
  const { entry, apiBase, origin, ctx, http } = setupAccount(account, deps);
  const capabilities = resolveCapabilities(entry.preset.capabilities, account.capabilityOverrides);
  const methods = entry.methods({ account, apiBase, http, ctx }, capabilities);
  limitTo(capabilities, Object.keys(methods));
  return assembleClient({ account, preset: entry.preset, capabilities, ctx, origin, methods });
}

/** Keep only what the dialect can do; method names map to capabilities (uploadTarget -> upload). */
function limitTo(capabilities: Set<Capability>, available: string[]): void {
  const allowed = new Set<string>(available);
  if (allowed.has('uploadTarget')) allowed.add('upload');
  for (const name of [...capabilities]) if (!allowed.has(name)) capabilities.delete(name);
}
