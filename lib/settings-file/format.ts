import { z } from '../zod';
import { accountSchema } from '../accounts';
import { settingsSchema } from '../storage/settings';

// The settings file: accounts without their keys, the general settings, and
// optionally the keys, encrypted with a passphrase. Versioned like storage so
// a newer file is refused rather than half-read.

export const SETTINGS_FILE_FORMAT = 'vidrelay-settings';
/**
 * 3: logins travel inside the encrypted block with the keys, never in the plain part.
 * 2: each encrypted key names the API origin it was entered for. 1 (keys alone) and 2 are still read.
 */
export const SETTINGS_FILE_VERSION = 3;

/** The floor a file's key block must meet to be opened (OWASP's 2023 figure, what version 1 and 2 files used). */
const MIN_PBKDF2_ITERATIONS = 310_000;
/** What new files use: OWASP's current figure for PBKDF2-HMAC-SHA256. */
export const EXPORT_PBKDF2_ITERATIONS = 600_000;

const fileAccountSchema = accountSchema.omit({ key: true });

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

/**
 * What the encrypted block holds once decrypted: account id -> key, the
 * origin it is for (version 2) and the login (version 3), or the key alone
 * (version 1). The origin is inside the encryption because the plain part of
 * a file can be edited; the login because it is a credential too.
 */
export const keyMapSchema = z.record(z.string(), z.union([z.string(), z.object({ key: z.string(), origin: z.string(), login: z.string().optional() })]));
export type KeyMap = z.infer<typeof keyMapSchema>;

export const settingsFileSchema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(SETTINGS_FILE_VERSION)]),
  exportedAt: z.string(),
  accounts: z.array(fileAccountSchema).max(500),
  settings: settingsSchema,
  keys: encryptedKeysSchema.optional(),
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;

/** Checked before the full schema so a newer file gets its own message. */
export const headerSchema = z.object({ format: z.literal(SETTINGS_FILE_FORMAT), version: z.number().int() });
