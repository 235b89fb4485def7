import { z } from '../zod';
import type { StoredProblem } from '../storage/versioned-item';

// Stored data that could not be read: listed for Options, exported (encrypted,
// or with its secrets removed) or removed only on the user's explicit request.

export type UnreadableKind = 'account' | 'accounts' | 'legacyAccounts' | 'settings' | 'linkHealth' | 'recentJobs' | 'pickerEntry';

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
  // Without a passphrase the export replaces every secret-named value by a marker.
  'storage.exportUnreadable': z.object({ ref, passphrase: z.string().max(1024).optional() }),
  // `confirmed` is the UI saying the user agreed to remove it for good.
  'storage.removeUnreadable': z.object({ ref, confirmed: z.literal(true) }),
} as const;

/** How an exported unreadable entry is protected: encrypted, or with its secrets replaced by a marker. */
export type ExportProtection = { protection: 'encrypted' } | { protection: 'redacted'; redacted: number; marker: string };

export type UnreadableExport = { fileName: string; text: string } & ExportProtection;

export interface StorageResponses {
  'storage.unreadable': UnreadableReport[];
  /** The entry as stored, encrypted or with its secrets removed, for the user to save as a file. */
  'storage.exportUnreadable': UnreadableExport;
  'storage.removeUnreadable': { removed: boolean };
}
