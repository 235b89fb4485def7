import { getPreset } from '../hosts';
import { loopback } from './host-access';

// Host access is asked per account at runtime. The background works out an
// account's sites by the public suffix list (lib/accounts/sites.ts: the API's
// site and its subdomains, the preset's upload domains, sites the user
// allowed) and hands pages the patterns (PublicAccount.accessPatterns,
// accounts.accessPatterns). Where a page has no answer yet, it asks for the
// narrowest thing that works: the API host itself and the preset's upload
// domains, never a wildcard it cannot prove is one site. Checking and asking
// for access is in host-access.ts.

/** The narrow fallback: the API host (and the preset's upload domains), https unless plain http is allowed. */
export function originsFor(apiBase: string, hostId?: string, allowHttp = false): string[] {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    return [];
  }
  if (loopback.has(url.hostname)) return [`http://${url.hostname}/*`];
  const scheme = allowHttp || url.protocol === 'http:' ? '*' : 'https';
  const declared = (hostId && getPreset(hostId)?.uploadDomains) || [];
  return [`${scheme}://${url.hostname}/*`, ...declared.flatMap((domain) => [`${scheme}://${domain}/*`, `${scheme}://*.${domain}/*`])];
}
