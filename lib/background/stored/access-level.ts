import { browser } from 'wxt/browser';

// storage.local holds the accounts (their keys and logins are in the
// extension's IndexedDB, lib/storage/secret-store.ts), settings and the copy
// of the newest jobs: nothing a web page should read. Chrome already keeps it
// from content scripts by default; saying so explicitly guards against a
// changed default. Firefox has no setAccessLevel and hands storage.local to
// every script the extension injects (the finder), so the call is optional,
// and no key may be kept there.
export async function restrictStorageToTrustedContexts(): Promise<boolean> {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  if (typeof local.setAccessLevel !== 'function') return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (error) {
    console.warn('VidRelay: could not restrict storage access', String(error));
    return false;
  }
}
