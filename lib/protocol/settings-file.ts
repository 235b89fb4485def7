import { z } from '../zod';
import type { ExportResult, ImportResult } from '../settings-file';

// Export and import run in the background: only it may read (and encrypt or
// decrypt) the keys. The UI sends the passphrase and gets text back.

export const settingsFileRequests = {
  'settings.export': z.object({ passphrase: z.string().max(1024).optional() }),
  'settings.import': z.object({ text: z.string().min(1).max(2_000_000), passphrase: z.string().max(1024).optional() }),
} as const;

export interface SettingsFileResponses {
  'settings.export': ExportResult;
  'settings.import': ImportResult;
}
