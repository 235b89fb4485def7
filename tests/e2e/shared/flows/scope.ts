import type { HostSim } from '../../../host-sim';
import type { Ui, UiSession } from '../driver/driver';
import type { Notice } from '../../../../lib/background/root/test-hooks';

export type { Notice };

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

/** A right-click on a web page, then an item of its "Send to host" menu. */
interface MenuClick {
  /** The page (one the host simulator serves). */
  url: string;
  /** A <video> put on the page and right-clicked: its address, or 'blob' for a blob: one. Without it the page itself is right-clicked. */
  video?: string;
  /** The item picked: `account:<id>` or `mirror:all`. */
  menuItemId: string;
}

/**
 * The background itself (Chrome's service worker, Firefox's event page) and the
 * browser events that reach it. Firefox opens its real context menu and takes real
 * key presses; headless Chromium opens no context menu under automation and sends
 * no shortcut typed into a page to an extension, so there the test build fires
 * the browser's event (contextMenus.onClicked, commands.onCommand) with what Chrome
 * would pass, and the listeners the background added run as for the real thing.
 */
export interface Background {
  scope: ExtensionScope;
  /** Does the click and resolves with the notification the background answered it with. */
  sendFromMenu(click: MenuClick): Promise<Notice>;
  /** Presses the command's shortcut on the page at `url` and resolves with the notification the background answered it with. */
  pressShortcut(command: string, url: string): Promise<Notice>;
  /** The notifications the background has shown since it started, oldest first. */
  notices(): Promise<Notice[]>;
  /**
   * Opens `send.page` (its <video> plays a blob: address once the page fetched its playlist),
   * right-clicks that video and picks `send.menuItemId` of "Send to host". With `send.variant`
   * the background opens its picker (a master playlist): that quality is ticked and sent, and
   * the picker's status line returned; without, the notification the background answered with.
   */
  sendStream(send: StreamSend): Promise<{ videoSrc: string; notice?: Notice; picked?: string }>;
}

interface StreamSend {
  page: string;
  /** `account:<id>` or `mirror:all`. */
  menuItemId: string;
  /** The picker's label of the quality to send ("HLS stream, 720p, about 2 MB"). */
  variant?: string;
}

/** One browser with the extension loaded, and the host simulator it talks to. */
export interface FlowEnv<U extends Ui = Ui> {
  session: UiSession<U>;
  background: Background;
  sim: HostSim;
}
