import { defineVersionedItem, rawItem } from '../../storage/versioned-item';
import { healthOptions, mergeHealth, type StoredHealth } from '../health/checks';
import { healthRecordStore } from './link-health-db';

// Link health's results, one record (read by lib/background/health/checks.ts).

export const healthItem = defineVersionedItem({
  key: 'local:linkHealth',
  ...healthOptions,
  // Kept in IndexedDB; an older build's record in storage.local is moved over when first read (link-health-db.ts).
  raw: healthRecordStore({ ...healthOptions, legacy: rawItem('local:linkHealth'), merge: mergeHealth }),
  label: 'link health',
  fallback: (): StoredHealth => ({ entries: {}, unseen: 0 }),
  onInvalid: () => console.warn('VidRelay: stored link health could not be read; kept as it is'),
});
