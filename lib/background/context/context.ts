import type { SettingsStore } from '../../storage/items';
import type { ExportResult, ImportResult } from '../../settings-file';
import type { JobStore } from '../../queue/store';
import type { QueueRunner } from '../../queue/runner';
import type { History } from '../../queue/history';
import type { JobEntry } from '../../queue/model/group';
import type { AccountService } from '../accounts/service';
import type { JobFeed } from '../jobs/feed';
import type { RecentJobsAnswer } from '../jobs/recent-copy';
import type { Uploads } from '../jobs/uploads';
import type { HealthService } from '../health/checks';
import type { Badge } from '../jobs/badge';
import type { UnreadableService } from '../stored/unreadable';
import type { PickerEntries } from '../send-to-host/picker';
import type { MenuClickInfo, MenuDeps, SendContext } from '../send-to-host/menu-click';

// The background's one context: every service a handler or listener needs,
// built once, in order, by createBackgroundContext (lib/background/root/build-context.ts)
// from the stored items and browser APIs it is handed. Handler factories take
// it (or the part they need) and read nothing from storage themselves; unit
// tests build it through the same factory from in-memory fakes
// (tests/unit/background/context-fakes.ts).

interface SettingsFileService {
  export(passphrase?: string): Promise<ExportResult>;
  import(text: string, passphrase?: string): Promise<ImportResult>;
}

export interface Jobs {
  store: JobStore;
  history: History;
  /** Pages follow the queue through it (components/hooks/useJobs.ts). */
  feed: JobFeed;
  /** The popup's newest jobs, answered from a stored copy while the database opens. */
  recent: RecentJobsAnswer;
}

/** Send to host: the context menu, the picker page and the shortcut all go this way. */
export interface MenuService {
  deps: MenuDeps;
  /** Enabled accounts, in the order the menu lists them. */
  accounts(): Promise<{ id: string; label: string }[]>;
  /** The menu's own send path to a menu target (an account or the mirror): queue and notify. */
  send(target: string, urls: string[], context?: SendContext): Promise<JobEntry[]>;
  click(info: MenuClickInfo, tabId?: number): Promise<JobEntry[]>;
}

export interface BackgroundContext {
  accounts: AccountService;
  settings: SettingsStore;
  settingsFile: SettingsFileService;
  jobs: Jobs;
  runner: QueueRunner;
  uploads: Uploads;
  /** The one owner of the toolbar badge: running uploads first, then link problems. */
  badge: Badge;
  health: HealthService;
  unreadable: UnreadableService;
  pickerEntries: PickerEntries;
  menu: MenuService;
}
