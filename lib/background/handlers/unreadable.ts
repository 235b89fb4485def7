import type { storageRequests } from '../../protocol/unreadable';
import type { HandlersFor } from '../context/handlers';
import type { BackgroundContext } from '../context/context';

// Stored data that could not be read: listed, exported and removed for the Options page.

export function createStorageHandlers({ unreadable }: Pick<BackgroundContext, 'unreadable'>): HandlersFor<typeof storageRequests> {
  return {
    'storage.unreadable': () => unreadable.list(),
    'storage.exportUnreadable': ({ ref, passphrase }) => unreadable.export(ref, passphrase || undefined),
    'storage.removeUnreadable': async ({ ref }) => ({ removed: await unreadable.remove(ref) }),
  };
}
