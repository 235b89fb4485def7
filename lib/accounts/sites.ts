import { getDomain } from 'tldts';
import type { Account } from '.';
import { AppError } from '../errors';
import { apiBaseOf } from '../hosts/setup';
import { getPreset } from '../hosts';

// Which sites an account's key may go to, decided by the public suffix list
// (tldts): a "site" is a registrable domain (media.cm, example.co.uk,
// someone.github.io), never a public suffix (co.uk, github.io), so asking for
// a site's subdomains never asks for everyone's. A key goes only to its
// account's API site, the upload domains its preset declares, and the upload
// sites the user allowed for that account; https only unless the account
// allows plain http, and plain-http loopback only when the API itself is
// loopback. Background only: the list is large, and pages need none of it.

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
  return loopbackHosts.has(hostname);
}

/** The registrable domain of a host name; an IP address, localhost or an unlisted name stands for itself. */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isLoopback(host) || host.startsWith('[') || /^[\d.]+$/.test(host)) return host;
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

type SiteAccount = Pick<Account, 'hostId' | 'apiBase' | 'allowHttp' | 'allowedUploadSites'>;

/** Every site the account's key may be sent to. */
export function keySitesOf(account: SiteAccount): string[] {
  const apiHost = hostOf(apiBaseOf(account));
  const declared = getPreset(account.hostId)?.uploadDomains ?? [];
  return [...new Set([...(apiHost ? [siteOf(apiHost)] : []), ...declared.map(siteOf), ...(account.allowedUploadSites ?? []).map(siteOf)])];
}

/**
 * Match patterns for host access to those sites (and their subdomains):
 * https, or any scheme where plain http is allowed; the API's own site also
 * over the scheme its address names (the user typed an http:// API).
 */
export function accessPatternsOf(account: SiteAccount): string[] {
  const base = apiBaseOf(account);
  const apiHost = hostOf(base);
  if (apiHost && isLoopback(apiHost)) return [`http://${apiHost}/*`];
  const apiSite = apiHost ? siteOf(apiHost) : undefined;
  const apiHttp = !!base && /^http:/i.test(base);
  return keySitesOf(account).flatMap((site) => {
    const scheme = account.allowHttp || (apiHttp && site === apiSite) ? '*' : 'https';
    return isLoopback(site) || /^[\d.[]/.test(site) ? [`${scheme}://${site}/*`] : [`${scheme}://${site}/*`, `${scheme}://*.${site}/*`];
  });
}

/**
 * Throws unless the account's key may go to this upload server: a `permission`
 * error naming the site, which the user can allow for the account (and grant
 * the browser's access to) in one click.
 */
export function assertUploadSite(account: SiteAccount & Pick<Account, 'label'>, uploadUrl: string): void {
  let url: URL;
  try {
    url = new URL(uploadUrl);
  } catch {
    throw new AppError('invalid_response', `${account.label}: the host named an upload server that is not a URL.`);
  }
  const apiHost = hostOf(apiBaseOf(account)) ?? '';
  if (url.protocol === 'http:') {
    const loopbackPair = isLoopback(url.hostname) && isLoopback(apiHost);
    if (!loopbackPair && !account.allowHttp) {
      throw new AppError(
        'invalid_response',
        `${account.label}: the host named a plain-http upload server (${url.host}); VidRelay sends your key over https only. Allow plain http for this account in Options if the host has no https.`,
      );
    }
  } else if (url.protocol !== 'https:') {
    throw new AppError('invalid_response', `${account.label}: the host named an upload server that is not http(s).`);
  }
  const site = siteOf(url.hostname);
  if (!keySitesOf(account).includes(site)) {
    throw new AppError(
      'permission',
      `${account.label}'s host named ${site} as its upload server, a site you have not allowed for this account. Nothing was sent there. Allow ${site} for ${account.label} if you trust it.`,
      { site, retryable: false },
    );
  }
}
