import { problemText, type StoredProblem } from '../../storage/versioned-record';
import type { VersionedItem } from '../../storage/versioned-item';
import type { AccountsItem } from '../../storage/items';
import { accountEntriesKey, legacyAccountsKey } from '../../storage/account-store';
import type { UnreadableKind, UnreadableReport } from '../../protocol/unreadable';
import type { PickerStore } from './picker-entries';

// Each kind of stored item as the report of unreadable data (unreadable.ts)
// reaches it: what of it could not be read, by a ref the Options page sends
// back; the stored value behind a ref; and its removal. Refs stay as they
// were: `account:<entryKey>`, `accounts`, `legacyAccounts`, a whole record's
// kind, `picker:<id>`.

/** Where a part that could not be read is stored, and its value exactly as stored. */
interface StoredPart {
  storageKey: string;
  /** The entry's key inside a record of entries (accounts). */
  entryKey?: string;
  value: unknown;
}

export interface UnreadableSource {
  list(): Promise<UnreadableReport[]>;
  /** Whether the ref names a part of this item. */
  owns(ref: string): boolean;
  read(ref: string): Promise<StoredPart>;
  /** Removes the part, only while it still cannot be read. */
  remove(ref: string): Promise<boolean>;
}

function report(ref: string, kind: UnreadableKind, problem: StoredProblem, id?: string): UnreadableReport {
  return { ref, kind, problem, message: problemText(problem), ...(id ? { id } : {}) };
}

/** One versioned record (settings, link health...): its ref is its kind. */
export function wholeRecord(kind: UnreadableKind, item: Pick<VersionedItem<unknown>, 'key' | 'problem' | 'raw' | 'removeUnreadable'>): UnreadableSource {
  return {
    list: async () => {
      const problem = await item.problem();
      return problem ? [report(kind, kind, problem)] : [];
    },
    owns: (ref) => ref === kind,
    read: async () => ({ storageKey: item.key, value: await item.raw() }),
    remove: () => item.removeUnreadable(),
  };
}

const accountRef = 'account:';
/** The accounts' two whole lists, by ref: the record of entries, and the list an older version kept. */
const accountLists = { accounts: 'record', legacyAccounts: 'legacy' } as const;
const isAccountList = (ref: string): ref is keyof typeof accountLists => Object.hasOwn(accountLists, ref);

/** The accounts: each entry on its own, then either whole list. */
export function accountParts(accounts: AccountsItem): UnreadableSource {
  return {
    list: async () => {
      const found = await accounts.unreadable();
      const out = found.entries.map((e) => report(accountRef + e.entryKey, 'account', e.problem, e.id));
      if (found.recordProblem) out.push(report('accounts', 'accounts', found.recordProblem));
      if (found.legacyProblem) out.push(report('legacyAccounts', 'legacyAccounts', found.legacyProblem));
      return out;
    },
    owns: (ref) => ref.startsWith(accountRef) || isAccountList(ref),
    read: async (ref) => {
      if (isAccountList(ref))
        return { storageKey: ref === 'accounts' ? accountEntriesKey : legacyAccountsKey, value: await accounts.rawRecord(accountLists[ref]) };
      const entryKey = ref.slice(accountRef.length);
      return { storageKey: accountEntriesKey, entryKey, value: await accounts.unreadableRaw(entryKey) };
    },
    remove: (ref) => (isAccountList(ref) ? accounts.removeUnreadableRecord(accountLists[ref]) : accounts.removeUnreadable(ref.slice(accountRef.length))),
  };
}

/** The picker's lists in storage.session: the ref is the storage key (prefix and id). */
export function pickerParts(entries: PickerStore): UnreadableSource {
  const idOf = (ref: string) => ref.slice(entries.prefix.length);
  return {
    list: async () => (await entries.unreadable()).map((e) => report(entries.prefix + e.id, 'pickerEntry', e.problem)),
    owns: (ref) => ref.startsWith(entries.prefix),
    read: async (ref) => ({ storageKey: `session:${ref}`, value: await entries.unreadableRaw(idOf(ref)) }),
    remove: (ref) => entries.removeUnreadable(idOf(ref)),
  };
}
