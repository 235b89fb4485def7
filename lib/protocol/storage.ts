import { z } from '../zod';
import type { StoredProblem } from '../persist';

// Stored data that could not be read: listed for Options, exported raw or
// removed only on the user's explicit request.

export type UnreadableKind = 'account' | 'accounts' | 'legacyAccounts' | 'settings' | 'linkHealth';

export interface UnreadableReport {
  /** Names the entry for export and remove. */
  ref: string;
  kind: UnreadableKind;
  /** The id the entry claims, when it has one. */
  id?: string;
  problem: StoredProblem;
  /** The problem in English words; never quotes the stored value. */
  message: string;
}

const ref = z.string().min(1).max(200);

export const storageRequests = {
  'storage.unreadable': z.object({}),
  'storage.exportUnreadable': z.object({ ref }),
  // `confirmed` is the UI saying the user agreed to remove it for good.
  'storage.removeUnreadable': z.object({ ref, confirmed: z.literal(true) }),
} as const;

export interface StorageResponses {
  'storage.unreadable': UnreadableReport[];
  /** The entry exactly as stored (it may hold an API key), for the user to save as a file. */
  'storage.exportUnreadable': { fileName: string; text: string };
  'storage.removeUnreadable': { removed: boolean };
}
