import { assembleClient, resolveCapabilities } from './client-kit';
import { megamaxMethods } from './megamax/client';
import { setupAccount } from './setup';
import type { Capability, HostAccount, HostClient, HostClientDeps } from './types';
import { xfsMethods } from './xfs/client';
import { standardXfsEndpoints, type XfsCapability } from './xfs/dialect';

/**
 * A client for one account. Throws HostError `invalid_input` at once for an
 * unknown host, an empty key or a bad API base; every method then rejects
 * only with HostError.
 */
export function createHostClient(account: HostAccount, deps: HostClientDeps = {}): HostClient {
  const { entry, apiBase, origin, ctx, http } = setupAccount(account, deps);
  const capabilities = resolveCapabilities(entry.preset.capabilities, account.capabilityOverrides);
  if (entry.family === 'xfs') {
    // A capability the user switches on that the preset lacks uses the standard XFS endpoint.
    const endpoints = { ...entry.dialect.endpoints };
    for (const name of capabilities) {
      const standard = standardXfsEndpoints[name as XfsCapability];
      if (standard && !endpoints[name as XfsCapability]) endpoints[name as XfsCapability] = standard;
    }
    const dialect = { ...entry.dialect, endpoints };
    limitTo(capabilities, Object.keys(endpoints));
    const methods = xfsMethods({ account, preset: entry.preset, dialect, apiBase, http, ctx });
    return assembleClient({ account, preset: entry.preset, capabilities, ctx, origin, methods });
  }
  const methods = megamaxMethods({ account, apiBase, http, ctx });
  limitTo(capabilities, Object.keys(methods));
  return assembleClient({ account, preset: entry.preset, capabilities, ctx, origin, methods });
}

/** Keep only what the dialect can do; method names map to capabilities (uploadTarget -> upload). */
function limitTo(capabilities: Set<Capability>, available: string[]): void {
  const allowed = new Set<string>(available);
  if (allowed.has('uploadTarget')) allowed.add('upload');
  for (const name of [...capabilities]) if (!allowed.has(name)) capabilities.delete(name);
}
