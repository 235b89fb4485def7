import { browser } from 'wxt/browser';
import type { QueueRunner } from '../../queue/runner';
import { openJobsDb } from '../../queue/store/db';

// What e2e tests reach in the background as `globalThis.vidrelay`. Only a test build
// (VIDRELAY_TEST_BUILD=1, see wxt.config.ts) calls installTestHooks; the production
// build drops this module. Nothing here takes a shortcut past the background's own
// code: a menu click and a command are fired through the browser's event dispatch,
// so the very listeners service.ts added run, with what the browser would hand them.

declare global {
  interface ImportMetaEnv {
    /** true in a test build; wxt.config.ts defines it for every build. */
    readonly VIDRELAY_TEST_BUILD?: boolean;
  }
}

/** A notification as the background handed it to the browser. */
export interface Notice {
  id: string;
  title: string;
  message: string;
}

/** Chrome's extension events can be fired from the extension's own context; Firefox's cannot. */
interface Dispatchable<A extends unknown[]> {
  dispatch?(...args: A): void;
}

function fire<A extends unknown[]>(event: object, name: string, ...args: A): void {
  const { dispatch } = event as Dispatchable<A>;
  // Firefox opens its real context menu and presses real shortcuts instead (tests/browsers/firefox.ts).
  if (typeof dispatch !== 'function') throw new Error(`${name} cannot be fired in this browser`);
  dispatch.apply(event, args);
}

/** Every notification the background shows from now on, as it asked the browser to show it. */
function recordNotices(): Notice[] {
  const shown: Notice[] = [];
  const notifications = browser.notifications as unknown as Record<'create', (id: string, options: { title?: string; message?: string }) => Promise<string>>;
  const create = notifications.create;
  notifications.create = (id, options) => {
    shown.push({ id, title: options.title ?? '', message: options.message ?? '' });
    return create.call(browser.notifications, id, options);
  };
  return shown;
}

/** `globalThis.vidrelay` in a test build's background. */
export interface TestHooks {
  /** A click on a "Send to host" item: contextMenus.onClicked with `info`, and the tab (when given) as the browser describes it. */
  menuClick(info: Record<string, unknown>, tabId?: number): Promise<void>;
  /** A keyboard shortcut: commands.onCommand with the command's name and the active tab. */
  command(name: string): Promise<void>;
  /** The notifications shown since the background started, oldest first. */
  notices(): Notice[];
  /**
   * Opens the job database `name` with the background's own code (lib/queue/store/db.ts), which upgrades
   * an older layout as this build's first start does (the benchmark times it), and closes it again.
   */
  openJobsDb(name: string): Promise<{ ms: number; version: number; indexes: string[] }>;
  /**
   * Queues a stream relay of a media playlist as "Send to host" does once the picker's variant is chosen;
   * the job's id. Only the benchmark (bench/stream-relay.ts) starts here, to time the relay alone: the
   * e2e tests go through the menu and the picker.
   */
  relayStream(accountId: string, url: string, extra: { title?: string; bytesTotal?: number }): Promise<string>;
}

export function installTestHooks(runner: Pick<QueueRunner, 'enqueueRelay'>): void {
  const notices = recordNotices();
  const hooks: TestHooks = {
    async menuClick(info, tabId) {
      const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId);
      fire(browser.contextMenus.onClicked, 'contextMenus.onClicked', info, tab);
    },
    async command(name) {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      fire(browser.commands.onCommand, 'commands.onCommand', name, tab);
    },
    notices: () => [...notices],
    async openJobsDb(name) {
      const started = performance.now();
      const db = await openJobsDb(name);
      const ms = performance.now() - started;
      const opened = { ms, version: db.version, indexes: [...db.transaction('jobs').store.indexNames].sort() };
      db.close();
      return opened;
    },
    relayStream: async (accountId, url, extra) => (await runner.enqueueRelay(accountId, url, {}, { ...extra, stream: 'hls' })).id,
  };
  (globalThis as { vidrelay?: TestHooks }).vidrelay = hooks;
}
