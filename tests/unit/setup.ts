import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageOver } from './i18n/get-message';

/** The browser's getMessage over the English locale file (the extension's default locale). */
function englishMessages(): void {
  fakeBrowser.i18n.getMessage = getMessageOver();
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
