import type { browser } from 'wxt/browser';
import type { BadgeAction } from '../jobs/badge';
import type { Uploads, UploadsDeps } from '../jobs/uploads';
import type { MenuDeps } from '../send-to-host/menu-click';
import type { StoredItems } from '../stored/registry';

// What createBackgroundContext is handed: the stored items and the browser's
// APIs it needs. service.ts passes the real ones; unit tests pass items held
// in memory and the fake browser (tests/unit/background/context-fakes.ts), and
// so build the context through the same factory.

export interface BackgroundPorts {
  /** The queue's poll alarm (browser.alarms). */
  alarms: {
    create(name: string, info: { when: number }): unknown;
    clear(name: string): unknown;
    get(name: string): Promise<{ scheduledTime: number } | undefined>;
  };
  /** The toolbar badge (browser.action). */
  action: BadgeAction;
  /** Where pages connect to follow the queue (browser.runtime). */
  runtime: Pick<typeof browser.runtime, 'onConnect'>;
  /** Tells the user something (browser.notifications). */
  notify(id: string, title: string, message: string): Promise<void>;
  /** Whether the browser granted these origins (browser.permissions). */
  hasAccess(origins: string[]): Promise<boolean>;
  /** The bridge to whoever uploads, built once the runner it reports to exists. */
  uploads(deps: UploadsDeps): Uploads;
  /** Looks into a tab for its videos (browser.scripting). */
  findInTab: NonNullable<MenuDeps['findInTab']>;
  /** Reads the streams' playlists among a tab's candidates (in the page, else from the extension). */
  readStreams?: MenuDeps['readStreams'];
  /** Opens the picker page on a stored list of videos (browser.windows, browser.tabs). */
  openPickerWindow(id: string): Promise<void>;
}

export interface BackgroundDeps {
  stored: StoredItems;
  ports: BackgroundPorts;
  /** The name of the queue's poll alarm (the service routes that alarm to runner.poll). */
  pollAlarm: string;
}
