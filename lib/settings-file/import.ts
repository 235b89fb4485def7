import { accountsItem as storedAccounts, settingsItem as storedSettings, type Settings } from '../storage/items';
import type { SettingsFileStores } from './export';
import type { Account } from '../accounts';
import { AppError } from '../errors';
import { decryptText } from './crypto';
import { headerSchema, keyMapSchema, settingsFileSchema, SETTINGS_FILE_VERSION, type KeyMap, type SettingsFile } from './format';
import { getPreset } from '../hosts';
import { apiOriginOf, keyFits } from '../accounts/key-origin';
import { isWebLinkTemplate } from '../accounts/link-templates';

// Everything is checked before anything is written: a newer, broken or
// wrongly unlocked file leaves accounts and settings exactly as they were.

export interface ImportResult {
  accounts: number;
  keysImported: number;
  /** Labels of imported accounts that have no key yet: the user adds it with Edit. */
  missingKeys: string[];
}

function bad(message: string): AppError {
  return new AppError('invalid_input', message);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw bad('This is not a VidRelay settings file: it is not valid JSON. Pick the .json file that "Export settings" saved.');
  }
}

function readSettingsFile(text: string): SettingsFile {
  const raw = parseJson(text);
  const header = headerSchema.safeParse(raw);
  if (!header.success) throw bad('This is not a VidRelay settings file. Pick the .json file that "Export settings" saved.');
  if (header.data.version > SETTINGS_FILE_VERSION) {
    throw bad(
      `This settings file comes from a newer VidRelay (file version ${header.data.version}, this one reads up to ${SETTINGS_FILE_VERSION}). Update VidRelay, then import again.`,
    );
  }
  const parsed = settingsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw bad(`This settings file is damaged${where}: ${issue?.message ?? 'unexpected content'}. Nothing was imported.`);
  }
  return parsed.data;
}

async function unlockKeys(file: SettingsFile, passphrase: string | undefined): Promise<KeyMap> {
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

/**
 * The key an imported account may have: the file's, if it was exported for
 * the origin the account now uses; else the stored one, if it was entered for
 * that origin and nothing else it depends on changes (plain http allowed, the
 * login); else none (the user enters it again). A version 1 file's keys name
 * no origin: they are taken only for a host's built-in address.
 */
function keyFor(incoming: SettingsFile['accounts'][number], fromFile: KeyMap[string] | undefined, existing: Account | undefined): string {
  const origin = apiOriginOf(incoming);
  if (!origin) return '';
  if (typeof fromFile === 'object' && fromFile.origin === origin && fromFile.key) return fromFile.key;
  const builtIn = apiOriginOf({ hostId: incoming.hostId, apiBase: getPreset(incoming.hostId)?.apiBase });
  if (typeof fromFile === 'string' && fromFile && origin === builtIn) return fromFile;
  if (existing && existing.hostId === incoming.hostId && keyFits(existing, incoming) && keptKeySafe(existing, incoming)) return existing.key;
  return '';
}

/** A file must not turn on plain http, or change the login, under a key the user entered for something else. */
function keptKeySafe(existing: Account, incoming: SettingsFile['accounts'][number]): boolean {
  if (incoming.allowHttp && !existing.allowHttp) return false;
  return (incoming.login ?? '') === (existing.login ?? '');
}

/** The login an imported account has: the encrypted block's (version 3), else the plain part's (versions 1 and 2), else the stored one while its key is kept. */
function loginFor(incoming: SettingsFile['accounts'][number], fromFile: KeyMap[string] | undefined, existing: Account | undefined): string | undefined {
  if (typeof fromFile === 'object' && fromFile.login !== undefined) return fromFile.login;
  return incoming.login ?? existing?.login;
}

/** Imported accounts replace stored ones with the same id; others are kept. */
function merge(current: Account[], file: SettingsFile, keys: KeyMap): { accounts: Account[]; fromFile: Set<string> } {
  const next = [...current];
  const fromFile = new Set<string>();
  // Neither where a key was entered nor where it may go comes from a file: both are ours to keep.
  for (const { keyOrigin: _claimed, allowedUploadSites: _sites, ...plain } of file.accounts) {
    const index = next.findIndex((a) => a.id === plain.id);
    const existing = index === -1 ? undefined : next[index];
    const entry = Object.hasOwn(keys, plain.id) ? keys[plain.id] : undefined;
    const login = loginFor(plain, entry, existing);
    const incoming = { ...plain, ...(login !== undefined ? { login } : {}) };
    const key = keyFor(incoming, entry, existing);
    if (key && key === (typeof entry === 'object' ? entry.key : entry)) fromFile.add(incoming.id);
    // The origin is ours to set, never the file's: it is where this key was checked to belong.
    const keptSites = key && existing && key === existing.key ? existing.allowedUploadSites : undefined;
    const account: Account = {
      ...incoming,
      key,
      ...(key ? { keyOrigin: apiOriginOf(incoming) } : {}),
      ...(keptSites ? { allowedUploadSites: keptSites } : {}),
    };
    if (index === -1) next.push(account);
    else next[index] = account;
  }
  return { accounts: next, fromFile };
}

export async function importSettings(
  text: string,
  passphrase?: string,
  { accounts: accountsItem, settings: settingsItem }: SettingsFileStores = { accounts: storedAccounts, settings: storedSettings },
): Promise<ImportResult> {
  const file = readSettingsFile(text);
  // A link template decides where every copied link points: a file's must be web links.
  const badTemplate = file.accounts.find((a) =>
    Object.values(a.linkTemplates ?? {}).some((template) => template !== undefined && !isWebLinkTemplate(template)),
  );
  if (badTemplate) throw bad(`The account "${badTemplate.label}" in this file has a link template that is not an http(s) link. Nothing was imported.`);
  const keys = await unlockKeys(file, passphrase);
  let accounts: Account[] = [];
  let fromFile = new Set<string>();
  // Unreadable settings refuse the import before any account is written.
  await settingsItem.assertWritable();
  await accountsItem.update((current) => {
    const merged = merge(current, file, keys);
    fromFile = merged.fromFile;
    accounts = merged.accounts;
    return accounts;
  });
  await settingsItem.update((current): Settings => {
    const known = accounts.some((a) => a.id === file.settings.defaultAccountId);
    // The language is this browser's choice: a file from another browser (or from before there was one) keeps it.
    return { ...file.settings, defaultAccountId: known ? file.settings.defaultAccountId : current.defaultAccountId, language: current.language };
  });

  const imported = new Set(file.accounts.map((a) => a.id));
  const mine = accounts.filter((a) => imported.has(a.id));
  return {
    accounts: mine.length,
    keysImported: mine.filter((a) => fromFile.has(a.id)).length,
    missingKeys: mine.filter((a) => !a.key).map((a) => a.label),
  };
}
