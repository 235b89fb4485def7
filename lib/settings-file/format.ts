import { z } from '../zod';
import { accountSchema } from '../accounts';
import { settingsSchema } from '../settings';

// The settings file: accounts without their keys, the general settings, and
// optionally the keys, encrypted with a passphrase. Versioned like storage so
// a newer file is refused rather than half-read.

export const SETTINGS_FILE_FORMAT = 'vidrelay-settings';
export const SETTINGS_FILE_VERSION = 1;

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256. */
export const MIN_PBKDF2_ITERATIONS = 310_000;

export const fileAccountSchema = accountSchema.omit({ key: true });
export type FileAccount = z.infer<typeof fileAccountSchema>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const encryptedKeysSchema = z.object({
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(10_000_000),
    salt: base64.min(16),
  }),
  cipher: z.object({ name: z.literal('AES-GCM'), iv: base64.min(16) }),
  data: base64.min(1),
});
export type EncryptedKeys = z.infer<typeof encryptedKeysSchema>;

/** What the encrypted block holds once decrypted: account id -> key. */
export const keyMapSchema = z.record(z.string(), z.string());

export const settingsFileSchema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_FILE_VERSION),
  exportedAt: z.string(),
  accounts: z.array(fileAccountSchema).max(500),
  settings: settingsSchema,
  keys: encryptedKeysSchema.optional(),
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;

/** Checked before the full schema so a newer file gets its own message. */
export const headerSchema = z.object({ format: z.literal(SETTINGS_FILE_FORMAT), version: z.number().int() });
