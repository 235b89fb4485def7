import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';

/** The browser's getMessage over the English locale file (the extension's default locale), $1… filled in. */
function englishMessages(): void {
  const table = en as Record<string, { message: string }>;
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (table[name]?.message ?? '').replace(/\$(\d)/g, (whole, n: string) => list[Number(n) - 1] ?? whole);
  }) as typeof fakeBrowser.i18n.getMessage;
}
// Modules may look words up as they load, before the first test.
englishMessages();

beforeEach(() => {
  fakeBrowser.reset();
  englishMessages();
  // The fake has no manifest; the sender rules read where the background and the uploader run from it (Chrome's build).
  fakeBrowser.runtime.getManifest = () =>
    ({ manifest_version: 3, name: 'VidRelay', version: '0.0.0', permissions: ['offscreen'], background: { service_worker: 'background.js' } }) as never;
  // A fresh, empty IndexedDB for every test (the job store lives there).
  globalThis.indexedDB = new IDBFactory();
});
