import { browser } from 'wxt/browser';
import { AppError } from '../../errors';
import type { StoredProblem } from '../../storage/versioned-record';
import {
  pickerEntrySchema,
  pickerEntryVersion,
  pickerTtlMs,
  readPickerEntry,
  type PickerChoice,
  type PickerEntries,
  type PickerEntry,
} from '../send-to-host/picker';

// The picker's lists of videos, in storage.session (memory only, extension
// pages only), one key each under a one-time id. An entry that cannot be read
// is kept (not dropped as stale), refused with a coded error, and listed in
// Options until the user exports or removes it.

const pickerPrefix = 'picker:';
const prefix = pickerPrefix;

const unreadable = () =>
  new AppError(
    'storage_unreadable',
    'This list of videos could not be read. VidRelay keeps it as it is: open Options to export or remove it, then right-click the page and choose "Send to host" again.',
  );

async function sessionEntries(): Promise<[string, unknown][]> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  return Object.entries(all).filter(([key]) => key.startsWith(prefix));
}

/** Entries past their time to live go; unreadable ones stay (their age is not known). */
async function dropStale(now: number): Promise<void> {
  const stale = (await sessionEntries())
    .filter(([, value]) => {
      const read = readPickerEntry(value);
      return read.ok && !(now - read.value.createdAt < pickerTtlMs);
    })
    .map(([key]) => key);
  if (stale.length) await browser.storage.session.remove(stale);
}

const stored = (entry: PickerEntry) => ({ [prefix + entry.id]: { version: pickerEntryVersion, data: entry } });

export async function savePickerEntry(choice: PickerChoice, now = Date.now()): Promise<PickerEntry> {
  await dropStale(now);
  const entry = pickerEntrySchema.parse({ id: crypto.randomUUID(), createdAt: now, ...choice });
  await browser.storage.session.set(stored(entry));
  return entry;
}

const rawOf = async (key: string): Promise<unknown> => (await browser.storage.session.get(key))[key];

/** The entry; undefined when there is none or it expired; rejects with 'storage_unreadable' when it cannot be read. */
export async function loadPickerEntry(id: string, now = Date.now()): Promise<PickerEntry | undefined> {
  const raw = await rawOf(prefix + id);
  if (raw === undefined) return undefined;
  const read = readPickerEntry(raw);
  if (!read.ok) throw unreadable();
  return now - read.value.createdAt >= pickerTtlMs ? undefined : read.value;
}

/** Removes a readable entry (sent or dismissed); an unreadable one is removed only from Options. */
export async function removePickerEntry(id: string): Promise<boolean> {
  const key = prefix + id;
  const raw = await rawOf(key);
  if (raw === undefined || !readPickerEntry(raw).ok) return false;
  await browser.storage.session.remove(key);
  return true;
}

async function restorePickerEntry(entry: PickerEntry): Promise<void> {
  await browser.storage.session.set(stored(entry));
}

/** Entries that cannot be read, by their id (the storage key after the prefix). */
export async function unreadablePickerEntries(): Promise<{ id: string; problem: StoredProblem }[]> {
  const out: { id: string; problem: StoredProblem }[] = [];
  for (const [key, value] of await sessionEntries()) {
    const read = readPickerEntry(value);
    if (!read.ok) out.push({ id: key.slice(prefix.length), problem: read.problem });
  }
  return out;
}

/** The stored value of an entry that cannot be read; undefined when it reads or is gone. */
export async function unreadablePickerRaw(id: string): Promise<unknown> {
  const raw = await rawOf(prefix + id);
  return raw !== undefined && !readPickerEntry(raw).ok ? raw : undefined;
}

export async function removeUnreadablePickerEntry(id: string): Promise<boolean> {
  if ((await unreadablePickerRaw(id)) === undefined) return false;
  await browser.storage.session.remove(prefix + id);
  return true;
}

/** The picker lists as the registry holds them: what the handlers use, saving for the menu, and the entries that could not be read. */
export interface PickerStore extends PickerEntries {
  /** Where the lists are kept: this prefix, then the id, in storage.session. */
  readonly prefix: string;
  save(choice: PickerChoice): Promise<PickerEntry>;
  unreadable(): Promise<{ id: string; problem: StoredProblem }[]>;
  unreadableRaw(id: string): Promise<unknown>;
  removeUnreadable(id: string): Promise<boolean>;
}

export const storedPickerEntries: PickerStore = {
  prefix,
  save: (choice) => savePickerEntry(choice),
  load: (id) => loadPickerEntry(id),
  remove: removePickerEntry,
  restore: restorePickerEntry,
  unreadable: unreadablePickerEntries,
  unreadableRaw: unreadablePickerRaw,
  removeUnreadable: removeUnreadablePickerEntry,
};
