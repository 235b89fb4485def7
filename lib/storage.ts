import { defineVersionedItem } from './persist';
import { settingsSchema } from './settings';

export { settingsSchema, type Settings } from './settings';
export { accountsItem } from './account-store';

// The extension's storage items, each versioned and zod-checked. Accounts are
// stored one entry each (lib/account-store.ts) and jobs per job
// (lib/queue/store.ts), so one bad entry cannot hide the rest. A record that
// cannot be read is kept and reported, never written over (lib/persist.ts).
// Keys live in storage.local only, never storage.sync.

export const settingsItem = defineVersionedItem({
  key: 'local:settings',
  version: 1,
  label: 'settings',
  schema: settingsSchema,
  fallback: () => settingsSchema.parse({}),
  onInvalid: () => console.warn('VidRelay: stored settings could not be read; running on defaults without overwriting them'),
});
