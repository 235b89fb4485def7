import { defineVersionedItem, type VersionedItem } from './versioned-item';
import { settingsMigrations, settingsSchema, settingsVersion, type Settings } from './settings';
import type { accountsItem as storedAccounts } from './account-store';

export { settingsSchema, type Settings } from './settings';
export { accountsItem } from './account-store';

// The extension's storage items, each versioned and zod-checked. Accounts are
// stored one entry each (lib/storage/account-store.ts) and jobs per job
// (lib/queue/store/index.ts), so one bad entry cannot hide the rest. A record that
// cannot be read is kept and reported, never written over (lib/storage/versioned-item.ts).
// Keys and logins live in the extension's IndexedDB (lib/storage/secret-store.ts),
// never in storage.local or storage.sync. Every stored item is
// listed once in lib/background/stored/registry.ts, whence the background's
// composition root hands it to the services that use it.

export const settingsItem = defineVersionedItem({
  key: 'local:settings',
  version: settingsVersion,
  label: 'settings',
  schema: settingsSchema,
  migrations: settingsMigrations,
  fallback: () => settingsSchema.parse({}),
  onInvalid: () => console.warn('VidRelay: stored settings could not be read; running on defaults without overwriting them'),
});

/** What the background's services need of the stored accounts: the real item, or an in-memory one in unit tests. */
export type AccountStore = Pick<typeof storedAccounts, 'get' | 'update' | 'unreadable' | 'watch' | 'migrate'>;
/** What the background's services need of the stored settings (see AccountStore). */
export type SettingsStore = Pick<VersionedItem<Settings>, 'get' | 'update' | 'problem' | 'assertWritable'>;
/** The stored accounts as the registry of stored items holds them (lib/background/stored/registry.ts): what the services need, and the parts that could not be read. */
export type AccountsItem = AccountStore & Pick<typeof storedAccounts, 'unreadableRaw' | 'removeUnreadable' | 'removeUnreadableRecord' | 'rawRecord'>;
/** The stored settings as the registry holds them (see AccountsItem). */
export type SettingsItem = SettingsStore & Pick<VersionedItem<Settings>, 'key' | 'raw' | 'removeUnreadable'>;
