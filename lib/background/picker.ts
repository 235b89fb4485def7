import { browser } from 'wxt/browser';
import { z } from '../zod';
import { videoKinds, videoSources, type FoundVideo } from '../media/types';

// Candidates wait in storage.session (memory only, extension pages only) under a
// one-time id; the picker page gets the id in its URL and never the URLs.

const prefix = 'picker:';
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

export interface PickerChoice {
  candidates: FoundVideo[];
  target: string;
  pageUrl?: string;
}

async function dropStale(now: number): Promise<void> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  const stale = Object.entries(all)
    .filter(([key, value]) => key.startsWith(prefix) && !(now - ((value as PickerEntry)?.createdAt ?? 0) < pickerTtlMs))
    .map(([key]) => key);
  if (stale.length) await browser.storage.session.remove(stale);
}

export async function savePickerEntry(choice: PickerChoice, now = Date.now()): Promise<PickerEntry> {
  await dropStale(now);
  const entry = pickerEntrySchema.parse({ id: crypto.randomUUID(), createdAt: now, ...choice });
  await browser.storage.session.set({ [prefix + entry.id]: entry });
  return entry;
}

export async function loadPickerEntry(id: string, now = Date.now()): Promise<PickerEntry | undefined> {
  const key = prefix + id;
  const parsed = pickerEntrySchema.safeParse((await browser.storage.session.get(key))[key]);
  if (!parsed.success || now - parsed.data.createdAt >= pickerTtlMs) return undefined;
  return parsed.data;
}

export async function removePickerEntry(id: string): Promise<boolean> {
  const key = prefix + id;
  const had = (await browser.storage.session.get(key))[key] !== undefined;
  await browser.storage.session.remove(key);
  return had;
}

export async function restorePickerEntry(entry: PickerEntry): Promise<void> {
  await browser.storage.session.set({ [prefix + entry.id]: entry });
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
