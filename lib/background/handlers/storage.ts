import type { storageRequests } from '../../protocol/storage';
import type { HandlersFor } from '../router';
import { exportUnreadable, listUnreadable, removeUnreadable } from '../unreadable';

export function createStorageHandlers(): HandlersFor<typeof storageRequests> {
  return {
    'storage.unreadable': () => listUnreadable(),
    'storage.exportUnreadable': ({ ref, passphrase }) => exportUnreadable(ref, passphrase || undefined),
    'storage.removeUnreadable': async ({ ref }) => ({ removed: await removeUnreadable(ref) }),
  };
}
