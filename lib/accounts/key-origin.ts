import type { Account } from '.';
import { apiBaseOf } from '../hosts/setup';

// A key is bound to the API origin it was entered for. An account moved to
// another origin (edit form, settings import) loses its key until the user
// enters it again, so a changed address can never make VidRelay send a key
// to a server its user did not give it to. Accounts stored before the
// binding existed count as bound to the origin they use.

/** The origin of the account's API base (its own, or its host's default); undefined when not a URL. */
export function apiOriginOf(account: Pick<Account, 'hostId' | 'apiBase'>): string | undefined {
  const base = apiBaseOf(account);
  try {
    return base ? new URL(base).origin : undefined;
  } catch {
    return undefined;
  }
}

export function keyOriginOf(account: Pick<Account, 'hostId' | 'apiBase' | 'keyOrigin'>): string | undefined {
  return account.keyOrigin ?? apiOriginOf(account);
}

/** May this stored key go to `account`'s origin? */
export function keyFits(stored: Pick<Account, 'hostId' | 'apiBase' | 'keyOrigin' | 'key'>, account: Pick<Account, 'hostId' | 'apiBase'>): boolean {
  const origin = apiOriginOf(account);
  return !!stored.key && !!origin && keyOriginOf(stored) === origin;
}
