import { browser } from 'wxt/browser';

// Keys live in storage.local. Chrome already keeps it from content scripts by
// default; saying so explicitly guards against a changed default. Firefox has
// no setAccessLevel (its content scripts never see storage.local of an
// extension without a content script declared), so the call is optional.
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
