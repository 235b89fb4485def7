import { browser } from 'wxt/browser';
import type { AccountStore, SettingsStore } from '../storage';
import { exportSettings, importSettings, type ExportResult, type ImportResult } from '../settings-file';
import { createJobStore, type JobStore } from '../queue/store';
import { createQueueRunner, type QueueRunner, type QueueRunnerDeps } from '../queue/runner';
import { createHistory, type History } from '../queue/history';
import { defaultLimits } from '../queue/scheduler';
import type { Job } from '../queue/job';
import type { JobEntry } from '../queue/group';
import { createAccounts, type AccountService } from './accounts';
import { createJobFeed, type JobFeed } from './job-feed';
import { createRecentJobs, type RecentJobsAnswer } from './recent-copy';
import { createUploads, type Uploads } from './upload-wiring';
import { createHealth, historyTargetsOf, unseenProblems, type HealthService } from './health';
import { createBadge, type Badge } from './badge';
import { notify } from './notify';
import { jobNotice } from './job-notice';
import { storedUnreadable, type UnreadableService } from './unreadable';
import { openPicker, storedPickerEntries, type PickerEntries } from './picker';
import { assertRemoteFits, hostInfoOf } from './host-fit';
import { defaultFindInTab, handleMenuClick, sendToTarget, type MenuClickInfo, type MenuDeps } from './menu-click';

// The background's one context: every service a handler or listener needs,
// built once, in order, by createBackgroundContext. Handler factories take it
// (or the part they need) and read nothing from storage themselves; unit tests
// build it from in-memory fakes (tests/unit/background/context-fakes.ts).

export interface SettingsFileService {
  export(passphrase?: string): Promise<ExportResult>;
  import(text: string, passphrase?: string): Promise<ImportResult>;
}

export type { UnreadableService };

export interface Jobs {
  store: JobStore;
  history: History;
  /** Pages follow the queue through it (components/useJobs.ts). */
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
  send(target: string, urls: string[]): Promise<JobEntry[]>;
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

export interface BackgroundDeps {
  accounts: AccountStore;
  settings: SettingsStore;
  /** The name of the queue's poll alarm (the service routes that alarm to runner.poll). */
  pollAlarm: string;
}

/** Chrome fires alarms no sooner than 30 s; polling faster would only be wasted work. */
export const minAlarmMs = 30_000;

/**
 * The runner and the uploader need each other: the runner hands file jobs to
 * the uploader, the uploader reports progress and outcomes back into the
 * runner. The runner is built first, against this port; the uploads piece,
 * built next with the runner in hand, is plugged in. Nothing is handed over
 * before createBackgroundContext returns (the runner starts work only when the
 * service calls recover or poll), and a hand-over to an unplugged port fails
 * loudly instead of queueing work nobody would run.
 */
function uploaderPort() {
  let bridge: Uploads['bridge'] | undefined;
  const plugged = () => {
    if (!bridge) throw new Error('VidRelay: the uploader was not wired into the queue');
    return bridge;
  };
  const deps: Pick<QueueRunnerDeps, 'uploadFile' | 'uploadAlive' | 'cancelUpload'> = {
    uploadFile: async (job) => plugged().uploadFile(job),
    uploadAlive: async (job) => plugged().uploadAlive(job),
    cancelUpload: (job) => plugged().cancelUpload(job),
  };
  return { deps, plug: (uploads: Uploads) => void (bridge = uploads.bridge) };
}

function createJobs(): Jobs {
  // A job change the browser refused to store is told to the user, never only logged.
  // The feed is built from the store, so the store's callback reaches it once it exists.
  let feed: JobFeed | undefined;
  const store = createJobStore({
    onWriteError: (error) => {
      feed?.storageError(error);
      void notify('storage-error', 'VidRelay could not save a job', error.message);
    },
    onCorrupt: (entries) => console.warn(`VidRelay: ${entries.length} stored job(s) could not be read; kept as they are`),
  });
  const pages = createJobFeed(store);
  feed = pages;
  // Answers given before History's rows were built counted records the rows leave out: the pages ask again.
  const history = createHistory(store, {
    onRowsBuilt: (changed) => {
      if (changed) pages.refresh();
    },
  });
  return { store, history, feed: pages, recent: createRecentJobs({ store, onStale: () => pages.refresh() }) };
}

export function createMenu(accounts: AccountService, runner: MenuDeps['queue']): MenuService {
  const enabled = async () => (await accounts.all()).filter((a) => a.enabled);
  const deps: MenuDeps = {
    queue: runner,
    enabledAccountIds: async () => (await enabled()).map((a) => a.id),
    labelOf: async (id) => (await accounts.find(id))?.label ?? 'account',
    optionsFor: async (id) => (await accounts.find(id))?.defaults ?? {},
    checkRemote: async (id) => assertRemoteFits(await accounts.get(id)),
    remoteAccountIds: async () => (await enabled()).filter((a) => hostInfoOf(a)?.canRemote).map((a) => a.id),
    findInTab: defaultFindInTab,
    openPicker,
  };
  return {
    deps,
    accounts: async () => (await enabled()).map((a) => ({ id: a.id, label: a.label })),
    send: (target, urls) => sendToTarget(target, urls, deps),
    click: (info, tabId) => handleMenuClick(info, tabId, deps),
  };
}

export type StoredServices = Pick<BackgroundContext, 'accounts' | 'settings' | 'settingsFile' | 'unreadable' | 'pickerEntries'>;

/** The first pieces of the context: the services over stored data (accounts, settings and what reads them). */
export function createStoredServices(deps: Pick<BackgroundDeps, 'accounts' | 'settings'>): StoredServices {
  const stores = { accounts: deps.accounts, settings: deps.settings };
  return {
    accounts: createAccounts({ store: deps.accounts, settings: deps.settings }),
    settings: deps.settings,
    settingsFile: {
      export: (passphrase) => exportSettings(passphrase, new Date(), stores),
      import: (text, passphrase) => importSettings(text, passphrase, stores),
    },
    // Unreadable entries are looked up across every stored item (accounts, settings, link health, picker lists).
    unreadable: storedUnreadable,
    pickerEntries: storedPickerEntries,
  };
}

export function createBackgroundContext(deps: BackgroundDeps): BackgroundContext {
  const stored = createStoredServices(deps);
  const { accounts, settings } = stored;
  const jobs = createJobs();
  const port = uploaderPort();
  const runner = createQueueRunner({
    store: jobs.store,
    clientFor: accounts.clientFor,
    hostIdOf: async (accountId) => (await accounts.find(accountId))?.hostId,
    now: () => Date.now(),
    schedulePoll: (when) => void browser.alarms.create(deps.pollAlarm, { when: Math.max(when, Date.now() + minAlarmMs) }),
    cancelPoll: () => void browser.alarms.clear(deps.pollAlarm),
    // Alarms outlive the worker: a new one keeps the time the last one set.
    scheduledPoll: async () => (await browser.alarms.get(deps.pollAlarm))?.scheduledTime,
    limits: async () => (await settings.get()).concurrency ?? defaultLimits,
    notify: (entry) => {
      const notice = jobNotice(entry);
      if (notice) void notify(entry.id, notice.title, notice.message);
    },
    ...port.deps,
  });
  // File uploads and relays: the uploader (offscreen document / Firefox event page).
  const uploads = createUploads({ store: jobs.store, runner, accounts });
  port.plug(uploads);
  const badge = createBadge(browser.action, unseenProblems);
  const health = createHealth({
    clientFor: accounts.clientFor,
    historyTargets: async () => {
      const ready: Job[] = [];
      await jobs.store.each((job) => void ready.push(job), { state: 'ready' });
      return historyTargetsOf(ready);
    },
    showProblems: badge.setProblems,
  });
  return { ...stored, jobs, runner, uploads, badge, health, menu: createMenu(accounts, runner) };
}
