import { z } from './zod';
import { defineVersionedItem } from './persist';
import { accountSchema } from './accounts';

// Every storage item the extension keeps, each versioned and zod-checked.
// Keys live in storage.local only, never storage.sync.

export const accountsItem = defineVersionedItem({
  key: 'local:accounts',
  version: 1,
  schema: z.array(accountSchema),
  fallback: () => [],
  onInvalid: () => console.warn('VidRelay: stored accounts did not validate; starting with none'),
});

export const settingsSchema = z.object({
  defaultAccountId: z.string().optional(),
  concurrency: z
    .object({ perHost: z.number().int().min(1).max(8), overall: z.number().int().min(1).max(16) })
    .default({ perHost: 2, overall: 4 }),
  linkFormat: z.string().default('plain'),
  linkTemplate: z.string().default('{title} {watch}'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsItem = defineVersionedItem({
  key: 'local:settings',
  version: 1,
  schema: settingsSchema,
  fallback: () => settingsSchema.parse({}),
});
