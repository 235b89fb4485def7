import { browser } from 'wxt/browser';
import { z } from '../../zod';
import { videoKinds, videoSources, type FoundVideo } from '../../media/types';
import { HostError } from '../../errors';
import { readVersioned, type ReadResult, type StoredProblem } from '../../storage/versioned-item';

// Candidates wait in storage.session (memory only, extension pages only) under a
// one-time id; the picker page gets the id in its URL and never the URLs.
// Each is stored as { version, data } like every persisted shape; an entry
// that cannot be read is kept (not dropped as stale), refused with a coded
// error, and listed in Options until the user exports or removes it.

export const pickerPrefix = 'picker:';
const prefix = pickerPrefix;
export const pickerEntryVersion = 1;
/** A choice nobody made within this time is dropped on the next opening. */
export const pickerTtlMs = 60 * 60_000;

export const pickerEntrySchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  pageUrl: z.string().optional(),
  target: z.string(),
  candidates: z.array(z.object({ url: z.string(), kind: z.enum(videoKinds), source: z.enum(videoSources) })).min(1),
});
export type PickerEntry = z.infer<typeof pickerEntrySchema>;

const readOptions = {
  version: pickerEntryVersion,
  schema: pickerEntrySchema,
  // Version 0 is the bare entry the first builds stored: the same fields, unwrapped.
  migrations: { 0: (data: unknown) => data },
};

/** Reads a stored entry; a bare object (no `version`, which no entry field is called) is version 0. */
export function readPickerEntry(raw: unknown): ReadResult<PickerEntry> {
  const bare = raw && typeof raw === 'object' && !Array.isArray(raw) && !('version' in raw);
  return readVersioned(bare ? { version: 0, data: raw } : raw, readOptions);
}

const unreadable = () =>
  new HostError(
    'storage_unreadable',
    'This list of videos could not be read. VidRelay keeps it as it is: open Options to export or remove it, then right-click the page and choose "Send to host" again.',
  );

async function sessionEntries(): Promise<[string, unknown][]> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  return Object.entries(all).filter(([key]) => key.startsWith(prefix));
}

export interface PickerChoice {
  candidates: FoundVideo[];
  target: string;
  pageUrl?: string;
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

export async function restorePickerEntry(entry: PickerEntry): Promise<void> {
  await browser.storage.session.set(stored(entry));
}

/** The picker lists as the picker's handlers see them (lib/background/root/context.ts). */
export interface PickerEntries {
  load(id: string): Promise<PickerEntry | undefined>;
  remove(id: string): Promise<boolean>;
  restore(entry: PickerEntry): Promise<void>;
}

export const storedPickerEntries: PickerEntries = {
  load: (id) => loadPickerEntry(id),
  remove: removePickerEntry,
  restore: restorePickerEntry,
};

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

/** A small popup window; a tab where windows cannot be made (Firefox for Android). */
export async function openPickerWindow(id: string): Promise<void> {
  const url = browser.runtime.getURL(`/picker.html?id=${encodeURIComponent(id)}`);
  if (browser.windows?.create) {
    try {
      await browser.windows.create({ url, type: 'popup', width: 520, height: 600, focused: true });
      return;
    } catch {
      // Some builds refuse popup windows; a tab still works.
    }
  }
  await browser.tabs.create({ url });
}

export async function openPicker(choice: PickerChoice): Promise<PickerEntry> {
  const entry = await savePickerEntry(choice);
  await openPickerWindow(entry.id);
  return entry;
}
