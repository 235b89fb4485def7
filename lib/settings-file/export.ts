import { accountsItem as storedAccounts, settingsItem as storedSettings, type AccountStore, type SettingsStore } from '../storage/items';
import { AppError } from '../errors';
import { encryptText } from './crypto';
import { keyOriginOf } from '../accounts/key-origin';
import { SETTINGS_FILE_FORMAT, SETTINGS_FILE_VERSION, type SettingsFile } from './format';

export const MIN_PASSPHRASE_LENGTH = 8;

export interface ExportResult {
  fileName: string;
  text: string;
  keysIncluded: boolean;
  accounts: number;
  /** Account entries that could not be read and so are not in the file. */
  unreadableAccounts: number;
  /** Whole account lists (the record, an earlier version's list) that could not be read: none of theirs is in the file. */
  unreadableAccountLists: number;
}

// Unreadable accounts are left out and counted, so the user is told which
// part of their data the file lacks. Unreadable settings refuse the export:
// the file would carry default settings in place of the user's, and
// importing it would then replace theirs with those defaults.
function settingsUnreadable(): AppError {
  return new AppError(
    'storage_unreadable',
    'The stored settings could not be read, so nothing was exported: the file would hold default settings instead of yours. Export or remove them under "Stored data that could not be read" in Options, then export again.',
  );
}

/** Where accounts and settings are read and written: storage, or in-memory stores in unit tests. */
export interface SettingsFileStores {
  accounts: Pick<AccountStore, 'get' | 'unreadable' | 'update'>;
  settings: SettingsStore;
}

/** Keys are left out unless a passphrase is given; then they travel encrypted, never in plain text. */
export async function exportSettings(
  passphrase?: string,
  now = new Date(),
  { accounts: accountsItem, settings: settingsItem }: SettingsFileStores = { accounts: storedAccounts, settings: storedSettings },
): Promise<ExportResult> {
  const secret = passphrase ?? '';
  if (secret && secret.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('invalid_input', `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters, or leave it empty to export without keys.`);
  }
  if (await settingsItem.problem()) throw settingsUnreadable();
  const [accounts, settings, unreadable] = await Promise.all([accountsItem.get(), settingsItem.get(), accountsItem.unreadable()]);
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    // Credentials (key, login) go only into the encrypted block.
    accounts: accounts.map(({ key: _key, keyOrigin: _origin, login: _login, ...rest }) => rest),
    settings,
  };
  if (secret) {
    // Each key travels with the origin it was entered for (an import moves it nowhere else) and the login it goes with.
    const keys = Object.fromEntries(
      accounts.filter((a) => a.key || a.login).map((a) => [a.id, { key: a.key, origin: keyOriginOf(a) ?? '', ...(a.login ? { login: a.login } : {}) }]),
    );
    file.keys = await encryptText(JSON.stringify(keys), secret);
  }
  return {
    fileName: `vidrelay-settings-${now.toISOString().slice(0, 10)}.json`,
    text: `${JSON.stringify(file, null, 2)}\n`,
    keysIncluded: !!secret,
    accounts: accounts.length,
    unreadableAccounts: unreadable.entries.length,
    unreadableAccountLists: Number(!!unreadable.recordProblem) + Number(!!unreadable.legacyProblem),
  };
}
