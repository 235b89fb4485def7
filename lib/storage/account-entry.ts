import { accountSchema, type Account } from '../accounts';
import { z } from '../zod';
import { readVersioned, type ReadResult } from './versioned-record';

// One stored account entry (`local:accountEntries`) and its secret record
// (the secret store, lib/storage/secret-store.ts), as each version holds them.
// Entry version 1: the whole account, key and login included.
// Entry version 2: the account without key and login; `secretRef` names the
// record in the secret store that holds them (none when it has neither).
// A version 1 entry reads as it is; it becomes version 2 only when the
// account store has written its secrets and read them back (account-store.ts).

export const accountEntryVersion = 2;

const accountEntrySchema = accountSchema.omit({ key: true, login: true }).extend({
  secretRef: z.string().min(1).max(100).optional(),
});
export type AccountEntry = z.infer<typeof accountEntrySchema>;

/** What is secret about an account: never in storage.local from entry version 2 on. */
export interface AccountSecret {
  key: string;
  login?: string;
}

export const secretRecordVersion = 1;
/** A secret record names its account: a ref that reaches another account's record is not used. */
export const secretRecordSchema = z.object({ accountId: z.string().min(1), key: z.string(), login: z.string().optional() });

/** A readable entry, before its secret is joined in. */
export interface HeldEntry {
  entry: AccountEntry;
  /** The entry version it is stored at: 1 until it is carried over. */
  from: number;
  /** A version 1 entry's key and login, still in storage.local until the entry is carried over. */
  carried?: AccountSecret;
}

/** The key and login of an account, or none when it has neither. */
export function secretOf(account: Pick<Account, 'key' | 'login'>): AccountSecret | undefined {
  const key = account.key ?? '';
  if (!key && !account.login) return undefined;
  return account.login ? { key, login: account.login } : { key };
}

export const sameSecret = (a: AccountSecret | undefined, b: AccountSecret | undefined): boolean =>
  (a?.key ?? '') === (b?.key ?? '') && (a?.login ?? '') === (b?.login ?? '');

/** The account as the rest of the app sees it: the entry with its secret joined in. */
export function joinAccount(entry: AccountEntry, secret: AccountSecret | undefined): Account {
  const { secretRef: _ref, ...fields } = entry;
  return { ...fields, key: secret?.key ?? '', ...(secret?.login ? { login: secret.login } : {}) };
}

/** The entry (version 2 data) of an account, naming `ref` for its secret. */
export function entryOf(account: Account, ref: string | undefined): AccountEntry {
  const { key: _key, login: _login, ...fields } = account;
  return { ...fields, ...(ref ? { secretRef: ref } : {}) };
}

export function secretRecord(accountId: string, secret: AccountSecret): { version: number; data: z.infer<typeof secretRecordSchema> } {
  return { version: secretRecordVersion, data: { accountId, ...secret } };
}

/** The ref a stored entry names, whatever its version and whether it reads: what the secret store must keep for it. */
export function refNamed(raw: unknown): string | undefined {
  const data = raw && typeof raw === 'object' ? (raw as { data?: unknown }).data : undefined;
  const ref = data && typeof data === 'object' ? (data as { secretRef?: unknown }).secretRef : undefined;
  return typeof ref === 'string' && ref ? ref : undefined;
}

const stored = (raw: unknown): unknown => (raw && typeof raw === 'object' ? (raw as { version?: unknown }).version : undefined);

/** One stored entry, either version, migrated and checked. */
export function readAccountEntry(raw: unknown): ReadResult<HeldEntry> {
  if (stored(raw) === 1) {
    const v1 = readVersioned(raw, { version: 1, schema: accountSchema });
    if (!v1.ok) return v1;
    return { ok: true, from: 1, value: { entry: entryOf(v1.value, undefined), from: 1, carried: secretOf(v1.value) } };
  }
  const v2 = readVersioned(raw, { version: accountEntryVersion, schema: accountEntrySchema });
  return v2.ok ? { ok: true, from: v2.from, value: { entry: v2.value, from: v2.from } } : v2;
}
