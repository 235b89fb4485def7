import { accountsItem, settingsItem } from '../storage';
import { HostError } from '../errors';
import { encryptText } from './crypto';
import { keyOriginOf } from '../key-origin';
import { SETTINGS_FILE_FORMAT, SETTINGS_FILE_VERSION, type SettingsFile } from './format';

export const MIN_PASSPHRASE_LENGTH = 8;

export interface ExportResult {
  fileName: string;
  text: string;
  keysIncluded: boolean;
  accounts: number;
}

/** Keys are left out unless a passphrase is given; then they travel encrypted, never in plain text. */
export async function exportSettings(passphrase?: string, now = new Date()): Promise<ExportResult> {
  const secret = passphrase ?? '';
  if (secret && secret.length < MIN_PASSPHRASE_LENGTH) {
    throw new HostError('invalid_input', `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters, or leave it empty to export without keys.`);
  }
  const [accounts, settings] = await Promise.all([accountsItem.get(), settingsItem.get()]);
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    accounts: accounts.map(({ key: _key, keyOrigin: _origin, ...rest }) => rest),
    settings,
  };
  if (secret) {
    // Each key travels with the origin it was entered for: an import moves it nowhere else.
    const keys = Object.fromEntries(accounts.filter((a) => a.key).map((a) => [a.id, { key: a.key, origin: keyOriginOf(a) ?? '' }]));
    file.keys = await encryptText(JSON.stringify(keys), secret);
  }
  return {
    fileName: `vidrelay-settings-${now.toISOString().slice(0, 10)}.json`,
    text: `${JSON.stringify(file, null, 2)}\n`,
    keysIncluded: !!secret,
    accounts: accounts.length,
  };
}
