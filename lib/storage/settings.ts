import { z } from '../zod';

// Extension-wide settings (the stored item is in lib/storage/items.ts).
// Version 1: default account, concurrency, link format and template.
// Version 2: the UI language ('browser' or a locale folder name, lib/i18n/languages.ts).
export const settingsVersion = 2;

export const settingsSchema = z.object({
  defaultAccountId: z.string().optional(),
  concurrency: z.object({ perHost: z.number().int().min(1).max(8), overall: z.number().int().min(1).max(16) }).default({ perHost: 2, overall: 4 }),
  linkFormat: z.string().default('plain'),
  linkTemplate: z.string().default('{title} {watch}'),
  // Any locale-like name reads: a language this build lacks falls back to the browser's (lib/i18n), it does not make the settings unreadable.
  language: z
    .string()
    .regex(/^(browser|[a-z]{2,3}(_[A-Z]{2})?)$/)
    .default('browser'),
});
export type Settings = z.infer<typeof settingsSchema>;

/** migrations[n] turns version n settings into version n + 1. */
export const settingsMigrations = {
  1: (data: unknown) => {
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('settings are not an object');
    return { ...data, language: 'browser' };
  },
};
