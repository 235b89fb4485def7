import { accountsItem, settingsItem } from '../../storage/items';
import { HostError } from '../../errors';
import { problemText, type StoredProblem, type VersionedItem } from '../../storage/versioned-item';
import { accountEntriesKey, legacyAccountsKey } from '../../storage/account-store';
import type { UnreadableExport, UnreadableKind, UnreadableReport } from '../../protocol/unreadable';
import { healthItem } from '../health/checks';
import { recentCopyItem } from '../jobs/recent-copy';
import { pickerPrefix, removeUnreadablePickerEntry, unreadablePickerEntries, unreadablePickerRaw } from '../send-to-host/picker';
import { protectedFile } from './unreadable-export';

// Every stored record or entry that could not be read, by a ref the UI sends
// back to export or remove it. Export and remove act only while the entry is
// still unreadable, so a ref can never reach an account that reads.

interface Whole {
  kind: UnreadableKind;
  storageKey: string;
  item: Pick<VersionedItem<unknown>, 'problem' | 'raw' | 'removeUnreadable'>;
}

const records: Record<string, Whole> = {
  settings: { kind: 'settings', storageKey: 'local:settings', item: settingsItem },
  linkHealth: { kind: 'linkHealth', storageKey: 'local:linkHealth', item: healthItem },
  recentJobs: { kind: 'recentJobs', storageKey: 'local:recentJobs', item: recentCopyItem },
};

const accountRef = 'account:';
// Picker entries live in storage.session under this same prefix.
const pickerRef = pickerPrefix;

function report(ref: string, kind: UnreadableKind, problem: StoredProblem, id?: string): UnreadableReport {
  return { ref, kind, problem, message: problemText(problem), ...(id ? { id } : {}) };
}

export async function listUnreadable(): Promise<UnreadableReport[]> {
  const accounts = await accountsItem.unreadable();
  const out: UnreadableReport[] = accounts.entries.map((e) => report(accountRef + e.entryKey, 'account', e.problem, e.id));
  if (accounts.recordProblem) out.push(report('accounts', 'accounts', accounts.recordProblem));
  if (accounts.legacyProblem) out.push(report('legacyAccounts', 'legacyAccounts', accounts.legacyProblem));
  for (const [ref, whole] of Object.entries(records)) {
    const problem = await whole.item.problem();
    if (problem) out.push(report(ref, whole.kind, problem));
  }
  for (const entry of await unreadablePickerEntries()) out.push(report(pickerRef + entry.id, 'pickerEntry', entry.problem));
  return out;
}

const gone = () => new HostError('not_found', 'That stored entry is no longer unreadable or no longer there. Reload Options.');

export type { UnreadableExport };

/**
 * The raw entry as a JSON file's text: encrypted with the passphrase, or
 * without one, with its secrets (API key...) replaced by a marker.
 */
export async function exportUnreadable(ref: string, passphrase?: string, now = new Date()): Promise<UnreadableExport> {
  const found = (await listUnreadable()).find((r) => r.ref === ref);
  if (!found) throw gone();
  let storageKey: string;
  let value: unknown;
  if (ref.startsWith(accountRef)) {
    storageKey = accountEntriesKey;
    value = await accountsItem.unreadableRaw(ref.slice(accountRef.length));
  } else if (ref === 'accounts' || ref === 'legacyAccounts') {
    storageKey = ref === 'accounts' ? accountEntriesKey : legacyAccountsKey;
    value = await accountsItem.rawRecord(ref === 'accounts' ? 'record' : 'legacy');
  } else if (ref.startsWith(pickerRef)) {
    storageKey = `session:${ref}`;
    value = await unreadablePickerRaw(ref.slice(pickerRef.length));
  } else {
    storageKey = records[ref].storageKey;
    value = await records[ref].item.raw();
  }
  const entryKey = ref.startsWith(accountRef) ? ref.slice(accountRef.length) : undefined;
  const header = { vidrelayUnreadable: 1 as const, kind: found.kind, storageKey, entryKey, problem: found.message, exportedAt: now.toISOString() };
  const { file, ...protection } = await protectedFile(header, value, passphrase);
  const name = `${found.kind}-${found.id ?? entryKey ?? ref}`.replace(/[^\w.-]+/g, '_').slice(0, 80);
  const suffix = protection.protection === 'encrypted' ? '-encrypted' : '';
  return { fileName: `vidrelay-unreadable-${name}${suffix}.json`, text: `${JSON.stringify(file, null, 2)}\n`, ...protection };
}

export async function removeUnreadable(ref: string): Promise<boolean> {
  let removed: boolean;
  if (ref.startsWith(accountRef)) removed = await accountsItem.removeUnreadable(ref.slice(accountRef.length));
  else if (ref === 'accounts') removed = await accountsItem.removeUnreadableRecord('record');
  else if (ref === 'legacyAccounts') removed = await accountsItem.removeUnreadableRecord('legacy');
  else if (ref.startsWith(pickerRef)) removed = await removeUnreadablePickerEntry(ref.slice(pickerRef.length));
  else if (Object.hasOwn(records, ref)) removed = await records[ref].item.removeUnreadable();
  else removed = false;
  if (!removed) throw gone();
  return true;
}

/** Stored entries that could not be read, by the ref the Options page sends back. */
export interface UnreadableService {
  list(): Promise<UnreadableReport[]>;
  export(ref: string, passphrase?: string): Promise<UnreadableExport>;
  remove(ref: string): Promise<boolean>;
}

export const storedUnreadable: UnreadableService = {
  list: listUnreadable,
  export: (ref, passphrase) => exportUnreadable(ref, passphrase),
  remove: removeUnreadable,
};
