import { accountsItem, settingsItem, type AccountsItem, type SettingsItem } from '../../storage/items';
import type { VersionedItem } from '../../storage/versioned-item';
import type { StoredHealth } from '../health/checks';
import type { RecentCopy } from '../jobs/recent-copy';
import { healthItem } from './link-health';
import { recentCopyItem } from './recent-copy';
import { storedPickerEntries, type PickerStore } from './picker-entries';
import { accountParts, pickerParts, wholeRecord, type UnreadableSource } from './unreadable-sources';

// Every item VidRelay stores, each declared once (settings and accounts in
// lib/storage, the others beside this file) and listed here once. The
// composition root (lib/background/root/) hands them to the services it
// builds, and nothing else in lib/background opens one (the import gate's
// stored-items-through-root rule); unit tests hand in items held in memory.
// The report of stored data that could not be read walks the same list.

export interface StoredItems {
  accounts: AccountsItem;
  settings: SettingsItem;
  linkHealth: VersionedItem<StoredHealth>;
  recentJobs: VersionedItem<RecentCopy>;
  pickerEntries: PickerStore;
}

export const storedItems: StoredItems = {
  accounts: accountsItem,
  settings: settingsItem,
  linkHealth: healthItem,
  recentJobs: recentCopyItem,
  pickerEntries: storedPickerEntries,
};

/** How the report reaches each item's unreadable parts; it lists them in this order. */
const unreadableParts: { [K in keyof StoredItems]: (item: StoredItems[K]) => UnreadableSource } = {
  accounts: accountParts,
  settings: (item) => wholeRecord('settings', item),
  linkHealth: (item) => wholeRecord('linkHealth', item),
  recentJobs: (item) => wholeRecord('recentJobs', item),
  pickerEntries: pickerParts,
};

export function unreadableSources(items: StoredItems): UnreadableSource[] {
  const sourceOf = <K extends keyof StoredItems>(name: K) => unreadableParts[name](items[name]);
  return (Object.keys(unreadableParts) as (keyof StoredItems)[]).map(sourceOf);
}
