import { browser } from 'wxt/browser';
import { getPreset } from '../hosts';

// Host access is asked per account at runtime. An account's API and its
// upload servers usually share a registrable domain (media.cm/api and
// 01.media.cm/upload), so the whole domain is requested; a host whose upload
// servers are on other domains names them on its preset (uploadDomains).

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

function baseDomain(hostname: string): string {
  if (/^[\d.]+$/.test(hostname) || hostname.startsWith('[')) return hostname;
  const labels = hostname.split('.');
  return labels.length > 2 ? labels.slice(-2).join('.') : hostname;
}

/** Match patterns VidRelay needs for an account's API base URL. */
export function originsFor(apiBase: string, hostId?: string): string[] {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    return [];
  }
  if (loopback.has(url.hostname)) return [`http://${url.hostname}/*`];
  const domains = [baseDomain(url.hostname), ...((hostId && getPreset(hostId)?.uploadDomains) || [])];
  const patterns: string[] = [];
  for (const domain of domains) patterns.push(`*://${domain}/*`, `*://*.${domain}/*`);
  if (!domains.includes(url.hostname)) patterns.unshift(`*://${url.hostname}/*`);
  return patterns;
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
