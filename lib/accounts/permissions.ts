import { browser } from 'wxt/browser';
import { getPreset } from '../hosts';

// Host access is asked per account at runtime. The background works out an
// account's sites by the public suffix list (lib/accounts/sites.ts: the API's
// site and its subdomains, the preset's upload domains, sites the user
// allowed) and hands pages the patterns (PublicAccount.accessPatterns,
// accounts.accessPatterns). Where a page has no answer yet, it asks for the
// narrowest thing that works: the API host itself and the preset's upload
// domains, never a wildcard it cannot prove is one site.

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

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

/** Host access for one site the user allows for an account (a registrable domain the background named). */
export function sitePatterns(site: string, allowHttp = false): string[] {
  // Loopback is reached over plain http (the site rule lets it only for a loopback API), and is granted at install.
  if (loopback.has(site)) return [`http://${site}/*`];
  const scheme = allowHttp ? '*' : 'https';
  return /^[\d.[]/.test(site) ? [`${scheme}://${site}/*`] : [`${scheme}://${site}/*`, `${scheme}://*.${site}/*`];
}

export async function hasHostAccess(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return false;
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

/**
 * Must be the first await of a click handler: Chrome shows its prompt only
 * while the user gesture lasts. Already granted origins resolve true at once.
 */
export function requestHostAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}
