import { z } from '../zod';

// Extension-wide settings (the stored item is in lib/storage/items.ts).
export const settingsSchema = z.object({
  defaultAccountId: z.string().optional(),
  concurrency: z.object({ perHost: z.number().int().min(1).max(8), overall: z.number().int().min(1).max(16) }).default({ perHost: 2, overall: 4 }),
  linkFormat: z.string().default('plain'),
  linkTemplate: z.string().default('{title} {watch}'),
});
export type Settings = z.infer<typeof settingsSchema>;
