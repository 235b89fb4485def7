import { browser } from 'wxt/browser';
import type { AccountStore, SettingsStore } from '../../storage/items';
import { exportSettings, importSettings, type ExportResult, type ImportResult } from '../../settings-file';
import { createJobStore, type JobStore } from '../../queue/store';
import { createQueueRunner, type QueueRunner, type QueueRunnerDeps } from '../../queue/runner';
import { createHistory, type History } from '../../queue/history';
import { defaultLimits } from '../../queue/runner/scheduler';
import type { Job } from '../../queue/model/job';
import type { JobEntry } from '../../queue/model/group';
import { createAccounts, type AccountService } from '../accounts/service';
import { createJobFeed, type JobFeed } from '../jobs/feed';
import { createRecentJobs, type RecentJobsAnswer } from '../jobs/recent-copy';
import { createUploads, type Uploads } from '../jobs/uploads';
import { createHealth, historyTargetsOf, unseenProblems, type HealthService } from '../health/checks';
import { createBadge, type Badge } from '../jobs/badge';
import { notify } from '../notices/notify';
import { jobNotice } from '../notices/job-notice';
import { storedUnreadable, type UnreadableService } from '../stored/unreadable';
import { openPicker, storedPickerEntries, type PickerEntries } from '../send-to-host/picker';
import { assertRemoteFits, hostInfoOf } from '../accounts/host-fit';
import type { BackgroundContext, BackgroundDeps, Jobs, MenuService } from '../context/context';
import { defaultFindInTab, handleMenuClick, sendToTarget, type MenuClickInfo, type MenuDeps } from '../send-to-host/menu-click';

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
