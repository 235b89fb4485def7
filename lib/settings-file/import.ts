import { accountsItem, settingsItem, type Settings } from '../storage';
import type { Account } from '../accounts';
import { HostError } from '../errors';
import { decryptText } from './crypto';
import { headerSchema, keyMapSchema, settingsFileSchema, SETTINGS_FILE_VERSION, type SettingsFile } from './format';

// Everything is checked before anything is written: a newer, broken or
// wrongly unlocked file leaves accounts and settings exactly as they were.

export interface ImportResult {
  accounts: number;
  keysImported: number;
  /** Labels of imported accounts that have no key yet: the user adds it with Edit. */
  missingKeys: string[];
}

function bad(message: string): HostError {
  return new HostError('invalid_input', message);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw bad('This is not a VidRelay settings file: it is not valid JSON. Pick the .json file that "Export settings" saved.');
  }
}

export function readSettingsFile(text: string): SettingsFile {
  const raw = parseJson(text);
  const header = headerSchema.safeParse(raw);
  if (!header.success) throw bad('This is not a VidRelay settings file. Pick the .json file that "Export settings" saved.');
  if (header.data.version > SETTINGS_FILE_VERSION) {
    throw bad(`This settings file comes from a newer VidRelay (file version ${header.data.version}, this one reads up to ${SETTINGS_FILE_VERSION}). Update VidRelay, then import again.`);
  }
  const parsed = settingsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw bad(`This settings file is damaged${where}: ${issue?.message ?? 'unexpected content'}. Nothing was imported.`);
  }
  return parsed.data;
}

async function unlockKeys(file: SettingsFile, passphrase: string | undefined): Promise<Record<string, string>> {
  if (!file.keys) return {};
  if (!passphrase) throw bad('This file holds encrypted API keys. Enter the passphrase used for the export, then import again.');
  const parsed = keyMapSchema.safeParse(parseKeysJson(await decryptText(file.keys, passphrase)));
  if (!parsed.success) throw bad('The keys in this settings file are damaged. Nothing was imported.');
  return parsed.data;
}

function parseKeysJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Imported accounts replace stored ones with the same id; others are kept. */
function merge(current: Account[], file: SettingsFile, keys: Record<string, string>): Account[] {
  const next = [...current];
  for (const incoming of file.accounts) {
    const index = next.findIndex((a) => a.id === incoming.id);
    const existing = index === -1 ? undefined : next[index];
    const keepKey = existing && existing.hostId === incoming.hostId ? existing.key : '';
    const account: Account = { ...incoming, key: keys[incoming.id] ?? keepKey };
    if (index === -1) next.push(account);
    else next[index] = account;
  }
  return next;
}

export async function importSettings(text: string, passphrase?: string): Promise<ImportResult> {
  const file = readSettingsFile(text);
  const keys = await unlockKeys(file, passphrase);
  let accounts: Account[] = [];
  // Unreadable settings refuse the import before any account is written.
  await settingsItem.assertWritable();
  await accountsItem.update((current) => (accounts = merge(current, file, keys)));
  await settingsItem.update((current): Settings => {
    const known = accounts.some((a) => a.id === file.settings.defaultAccountId);
    return { ...file.settings, defaultAccountId: known ? file.settings.defaultAccountId : current.defaultAccountId };
  });

  const imported = new Set(file.accounts.map((a) => a.id));
  const mine = accounts.filter((a) => imported.has(a.id));
  return {
    accounts: mine.length,
    keysImported: mine.filter((a) => keys[a.id]).length,
    missingKeys: mine.filter((a) => !a.key).map((a) => a.label),
  };
}
