import type { HostSim } from '../../../host-sim';
import type { Ui, UiSession } from '../driver/driver';

// What a shared scenario needs of a browser beyond its pages. Each suite
// builds it from its own launch (tests/browsers/chromium-worker.ts for Chromium,
// tests/browsers/firefox.ts for Firefox).

/**
 * Runs fn in a context of the extension's own origin, so that its globals
 * (chrome.storage, indexedDB) are the extension's: Chromium's service worker,
 * or in Firefox an extension page (the event page is woken first). fn must
 * not close over anything.
 */
export interface ExtensionScope {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The background itself (Chrome's service worker, Firefox's event page). */
export interface Background {
  scope: ExtensionScope;
  /** Runs the context menu's click handler there, as a click on the menu would. */
  menuClick(info: Record<string, unknown>): Promise<unknown[]>;
}

/** One browser with the extension loaded, and the host simulator it talks to. */
export interface FlowEnv<U extends Ui = Ui> {
  session: UiSession<U>;
  background: Background;
  sim: HostSim;
}
