import { browser } from 'wxt/browser';
import { z } from '../../zod';
import { videoKinds, videoSources, type FoundVideo } from '../../media/types';
import { streamRefusals } from '../../media/hls/types';
import { readVersioned, type ReadResult } from '../../storage/versioned-record';

// When a page holds several videos the user picks which to send. The list
// waits in storage.session (lib/background/stored/picker-entries.ts) under a
// one-time id; the picker page gets the id in its URL and never the URLs.
// Each is stored as { version, data } like every persisted shape.

export const pickerEntryVersion = 2;
/** A choice nobody made within this time is dropped on the next opening. */
export const pickerTtlMs = 60 * 60_000;

const count = z.number().nonnegative().finite();

/** What reading a stream's playlist told (version 2): its quality, size estimate, or why it cannot be sent. */
const streamInfoSchema = z.object({
  master: z.string().optional(),
  height: count.optional(),
  width: count.optional(),
  bandwidth: count.optional(),
  duration: count.optional(),
  bytes: count.optional(),
  refused: z.enum(streamRefusals).optional(),
});

export const pickerEntrySchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  pageUrl: z.string().optional(),
  target: z.string(),
  candidates: z.array(z.object({ url: z.string(), kind: z.enum(videoKinds), source: z.enum(videoSources), stream: streamInfoSchema.optional() })).min(1),
});
export type PickerEntry = z.infer<typeof pickerEntrySchema>;

const readOptions = {
  version: pickerEntryVersion,
  schema: pickerEntrySchema,
  migrations: {
    // Version 0 is the bare entry the first builds stored: the same fields, unwrapped.
    0: (data: unknown) => data,
    // Version 1 candidates carry no stream info: a playlist in them was offered as found, unread, as it still is.
    1: (data: unknown) => data,
  },
};

/** Reads a stored entry; a bare object (no `version`, which no entry field is called) is version 0. */
export function readPickerEntry(raw: unknown): ReadResult<PickerEntry> {
  const bare = raw && typeof raw === 'object' && !Array.isArray(raw) && !('version' in raw);
  return readVersioned(bare ? { version: 0, data: raw } : raw, readOptions);
}

export interface PickerChoice {
  candidates: FoundVideo[];
  target: string;
  pageUrl?: string;
}

/** The picker lists as the picker's handlers see them (lib/background/context/context.ts). */
export interface PickerEntries {
  load(id: string): Promise<PickerEntry | undefined>;
  remove(id: string): Promise<boolean>;
  restore(entry: PickerEntry): Promise<void>;
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

/** The menu's way to let the user choose: the list is stored first, then the picker opens on its id. */
export function pickerOpener(save: (choice: PickerChoice) => Promise<PickerEntry>, openWindow: (id: string) => Promise<void>) {
  return async (choice: PickerChoice): Promise<PickerEntry> => {
    const entry = await save(choice);
    await openWindow(entry.id);
    return entry;
  };
}
