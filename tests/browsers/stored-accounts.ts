import type { Page, Worker } from 'playwright-core';
import type { ExtensionScope } from '../e2e/shared/flows/scope';

// Stored accounts as the extension keeps them (lib/storage/account-store.ts), read
// from the service worker or an extension page (either browser) for checks
// after the fact, and as a seed for a fresh profile.

export interface StoredAccount {
  id: string;
  label: string;
  [field: string]: unknown;
}

/** Every entry as stored, readable or not, by its entry key, in the stored order. */
export async function storedAccountEntries(ctx: Page | Worker | ExtensionScope): Promise<Record<string, unknown>> {
  const stored = await (ctx as Worker).evaluate(async () => {
    const raw = (await chrome.storage.local.get('accountEntries')) as { accountEntries?: { entries?: Record<string, unknown>; order?: string[] } };
    return raw.accountEntries ?? {};
  });
  const entries = stored.entries ?? {};
  const order = [...(stored.order ?? []), ...Object.keys(entries).filter((k) => !stored.order?.includes(k))];
  return Object.fromEntries(order.filter((k) => k in entries).map((k) => [k, entries[k]]));
}

/** The accounts stored in the current format (entries of version 1). */
export async function storedAccounts(ctx: Page | Worker | ExtensionScope): Promise<StoredAccount[]> {
  const entries = await storedAccountEntries(ctx);
  return Object.values(entries)
    .filter((e): e is { version: 1; data: StoredAccount } => !!e && typeof e === 'object' && (e as { version?: unknown }).version === 1)
    .map((e) => e.data);
}

/**
 * What to put in storage.local for these accounts in the current format
 * (`local:accountEntries`), for seeding a profile; the old `accounts` list is
 * seeded only where its migration is under test.
 */
export function accountEntriesSeed(accounts: readonly { id: string }[]): { accountEntries: unknown } {
  const entries = Object.fromEntries(accounts.map((account) => [account.id, { version: 1, data: account }]));
  return { accountEntries: { version: 1, entries, order: accounts.map((account) => account.id) } };
}
