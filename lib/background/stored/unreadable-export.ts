import { AppError } from '../../errors';
import { encryptText } from '../../settings-file/crypto';
import { MIN_PASSPHRASE_LENGTH } from '../../settings-file/export';
import type { ExportProtection } from '../../protocol/unreadable';

// An unreadable entry leaves the browser either encrypted with the user's
// passphrase (the settings file's scheme, under its own purpose so neither
// block can stand in for the other) or with every secret-named value replaced
// by a marker. An entry that cannot be read has no known shape, so secrets
// are found by field name at any depth rather than by schema.

/** The additional data bound into an encrypted unreadable-entry export. */
export const UNREADABLE_EXPORT_PURPOSE = 'vidrelay-unreadable-entry';
/** What stands in the file for a removed secret. */
export const SECRET_MARKER = '[removed for export: secret]';

// Compared without case, "_" or "-": key, api_key, apiKey, API-KEY, password, token...
// A host login (megamax.me's, Mixdrop's e-mail) is a credential too.
const secretNames = new Set(['key', 'apikey', 'password', 'passwd', 'token', 'secret', 'passphrase', 'login', 'email']);
const secretEndings = ['apikey', 'password', 'token', 'secret'];

export function isSecretName(name: string): boolean {
  // Plurals too: a "keys" map holds keys.
  const plain = name
    .toLowerCase()
    .replace(/[-_\s]/g, '')
    .replace(/s$/, '');
  return secretNames.has(plain) || secretEndings.some((end) => plain.endsWith(end));
}

/**
 * A copy of `value` with every string (or number) under a secret-named field
 * replaced by the marker, however deep, and everything else as it was.
 */
export function redactSecrets(value: unknown): { value: unknown; redacted: number } {
  let redacted = 0;
  const walk = (v: unknown, secret: boolean): unknown => {
    if (secret && (typeof v === 'string' || typeof v === 'number')) {
      redacted++;
      return SECRET_MARKER;
    }
    if (Array.isArray(v)) return v.map((item) => walk(item, secret));
    if (v && typeof v === 'object') {
      // A Map, then fromEntries: a stored "__proto__" field stays an ordinary one.
      const out = new Map<string, unknown>();
      for (const [k, item] of Object.entries(v)) out.set(k, walk(item, secret || isSecretName(k)));
      return Object.fromEntries(out);
    }
    return v;
  };
  return { value: walk(value, false), redacted };
}

export interface ExportHeader {
  vidrelayUnreadable: 1;
  kind: string;
  storageKey: string;
  entryKey?: string;
  problem: string;
  exportedAt: string;
}

export type { ExportProtection };

/** The file's content: the raw value encrypted with the passphrase, or redacted without one. */
export async function protectedFile(header: ExportHeader, value: unknown, passphrase?: string): Promise<{ file: object } & ExportProtection> {
  if (passphrase) {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new AppError(
        'invalid_input',
        `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters, or leave it empty to export with secrets removed.`,
      );
    }
    // `value` is JSON text inside the block, so it comes back exactly as stored.
    const encrypted = await encryptText(JSON.stringify({ value }), passphrase, undefined, UNREADABLE_EXPORT_PURPOSE);
    return { file: { ...header, encryption: { purpose: UNREADABLE_EXPORT_PURPOSE, ...encrypted } }, protection: 'encrypted' };
  }
  const out = redactSecrets(value);
  return {
    file: { ...header, secretsRemoved: out.redacted, secretMarker: SECRET_MARKER, value: out.value },
    protection: 'redacted',
    redacted: out.redacted,
    marker: SECRET_MARKER,
  };
}
