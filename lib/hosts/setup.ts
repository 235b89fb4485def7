// Checks an account and derives what every request needs: the registry
// entry, the API base, the failure context and the HTTP layer.
import { AppError } from '../errors';
import type { FailureContext } from './failures';
import { createHttp, type Http } from './http';
import { findEntry, type RegistryEntry } from './registry';
import type { HostAccount, HostClientDeps, HostPreset } from './types';

export interface AccountSetup {
  entry: RegistryEntry;
  apiBase: string;
  origin: string;
  ctx: FailureContext;
  http: Http;
}

/**
 * The API base an account talks to: its own address when it has one, else
 * its host's. Undefined for a host VidRelay does not know.
 */
export function apiBaseOf(account: { hostId: string; apiBase?: string }): string | undefined {
  return account.apiBase?.trim() || findEntry(account.hostId)?.preset.apiBase;
}

/** What the auth advice names as the credentials: "key", "login and key" or "e-mail and key". */
function credentialWords(preset: Pick<HostPreset, 'needsLogin' | 'loginKind'>): string {
  if (!preset.needsLogin) return 'key';
  return `${preset.loginKind === 'email' ? 'e-mail' : 'login'} and key`;
}

export function setupAccount(account: HostAccount, deps: HostClientDeps = {}): AccountSetup {
  if (!account || typeof account !== 'object') throw new AppError('invalid_input', 'No account was given.');
  const entry = findEntry(account.hostId);
  if (!entry) throw new AppError('invalid_input', `Unknown host "${String(account.hostId)}". Pick a host in Options.`);
  if (typeof account.key !== 'string' || !account.key.trim()) {
    throw new AppError('invalid_input', `Enter the API key for ${entry.preset.label} in Options.`);
  }
  const raw = (apiBaseOf(account) ?? '').replace(/\/+$/, '');
  let base: URL;
  try {
    base = new URL(raw);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error('protocol');
  } catch {
    throw new AppError('invalid_input', `Set a valid http(s) API base URL for ${entry.preset.label} in Options (e.g. https://example.com/api).`);
  }
  base.search = '';
  base.hash = '';
  const apiBase = base.toString().replace(/\/+$/, '');
  const ctx: FailureContext = {
    // A custom host is known by its address.
    label: entry.preset.apiBase ? entry.preset.label : base.host,
    secrets: [account.key],
    credentials: credentialWords(entry.preset),
  };
  return { entry, apiBase, origin: base.origin, ctx, http: createHttp(deps, ctx) };
}
