import { browser } from 'wxt/browser';

// What pages need to ask for and check host access, kept apart from
// permissions.ts (originsFor reads the preset registry): a page that only
// allows a site, such as the popup, then loads no host layer.

/** Hosts reached over plain http and granted at install. */
export const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Host access for one site the user allows for an account (a registrable domain the background named). */
export function sitePatterns(site: string, allowHttp = false): string[] {
  // Loopback is reached over plain http (the site rule lets it only for a loopback API), and is granted at install.
  if (loopback.has(site)) return [`http://${site}/*`];
  const scheme = allowHttp ? '*' : 'https';
  return /^[\d.[]/.test(site) ? [`${scheme}://${site}/*`] : [`${scheme}://${site}/*`, `${scheme}://*.${site}/*`];
}

/**
 * The host access a download from `url` needs: its site on every port (a match pattern names
 * no port, and Firefox refuses one that does). Throws on a URL that cannot be parsed.
 */
export function downloadPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
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
