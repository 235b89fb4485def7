import { z } from './zod';
import { defineVersionedItem } from './persist';
import { accountSchema } from './accounts';
import { settingsSchema } from './settings';

export { settingsSchema, type Settings } from './settings';

// The extension's storage items, each versioned and zod-checked. Jobs are
// stored per job by lib/queue/store.ts so one bad entry cannot hide the rest.
// Keys live in storage.local only, never storage.sync.

export const accountsItem = defineVersionedItem({
  key: 'local:accounts',
  version: 1,
  schema: z.array(accountSchema),
  fallback: () => [],
  onInvalid: () => console.warn('VidRelay: stored accounts did not validate; starting with none'),
});

export const settingsItem = defineVersionedItem({
  key: 'local:settings',
  version: 1,
  schema: settingsSchema,
  fallback: () => settingsSchema.parse({}),
});
