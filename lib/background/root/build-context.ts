import { exportSettings, importSettings } from '../../settings-file';
import { createJobStore } from '../../queue/store';
import { createQueueRunner, type QueueRunnerDeps } from '../../queue/runner';
import { createHistory } from '../../queue/history';
import { defaultLimits } from '../../queue/runner/scheduler';
import type { Job } from '../../queue/model/job';
import { createAccounts, type AccountService } from '../accounts/service';
import { createJobFeed, type JobFeed } from '../jobs/feed';
import { createRecentJobs } from '../jobs/recent-copy';
import type { Uploads } from '../jobs/uploads';
import { createHealth, historyTargetsOf, unseenProblems } from '../health/checks';
import { createBadge } from '../jobs/badge';
import { jobNotice } from '../notices/job-notice';
import { createUnreadable } from '../stored/unreadable';
import type { StoredItems } from '../stored/registry';
import { pickerOpener } from '../send-to-host/picker';
import { assertRemoteFits, hostInfoOf, streamRoute } from '../accounts/host-fit';
import type { BackgroundContext, Jobs, MenuService } from '../context/context';
import { handleMenuClick, sendToTarget, type MenuDeps } from '../send-to-host/menu-click';
import { streamToRelay } from '../send-to-host/streams';
import { extensionTextFetcher } from '../../media/fetch-text';
import { downloadPattern } from '../../accounts/host-access';
import type { BackgroundDeps, BackgroundPorts } from './ports';

export type { BackgroundDeps, BackgroundPorts };

/** Chrome fires alarms no sooner than 30 s; polling faster would only be wasted work. */
const minAlarmMs = 30_000;

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
  const plug = (uploads: Uploads): void => {
    bridge = uploads.bridge;
  };
  return { deps, plug };
}

function createJobs(stored: StoredItems, ports: BackgroundPorts): Jobs {
  // A job change the browser refused to store is told to the user, never only logged.
  // The feed is built from the store, so the store's callback reaches it once it exists.
  let feed: JobFeed | undefined;
  const store = createJobStore({
    onWriteError: (error) => {
      feed?.storageError(error);
      void ports.notify('storage-error', 'VidRelay could not save a job', error.message);
    },
    onCorrupt: (entries) => console.warn(`VidRelay: ${entries.length} stored job(s) could not be read; kept as they are`),
  });
  const pages = createJobFeed(store, ports.runtime);
  feed = pages;
  // Answers given before History's rows were built counted records the rows leave out: the pages ask again.
  const history = createHistory(store, {
    onRowsBuilt: (changed) => {
      if (changed) pages.refresh();
    },
  });
  return { store, history, feed: pages, recent: createRecentJobs({ store, item: stored.recentJobs, onStale: () => pages.refresh() }) };
}

function createMenu(accounts: AccountService, runner: MenuDeps['queue'], stored: StoredItems, ports: BackgroundPorts): MenuService {
  const enabled = async () => (await accounts.all()).filter((a) => a.enabled);
  const deps: MenuDeps = {
    queue: runner,
    enabledAccountIds: async () => (await enabled()).map((a) => a.id),
    labelOf: async (id) => (await accounts.find(id))?.label ?? 'account',
    optionsFor: async (id) => (await accounts.find(id))?.defaults ?? {},
    checkRemote: async (id) => assertRemoteFits(await accounts.get(id)),
    remoteAccountIds: async () => (await enabled()).filter((a) => hostInfoOf(a)?.canRemote).map((a) => a.id),
    findInTab: ports.findInTab,
    readStreams: ports.readStreams,
    streamRoute: async (id) => streamRoute(await accounts.get(id)),
    streamToRelay: (url) => streamToRelay(url, extensionTextFetcher()),
    mayDownload: (url) => ports.hasAccess([downloadPattern(url)]),
    openPicker: pickerOpener((choice) => stored.pickerEntries.save(choice), ports.openPickerWindow),
  };
  return {
    deps,
    accounts: async () => (await enabled()).map((a) => ({ id: a.id, label: a.label })),
    send: (target, urls, context) => sendToTarget(target, urls, deps, context),
    click: (info, tabId) => handleMenuClick(info, tabId, deps),
  };
}

export type StoredServices = Pick<BackgroundContext, 'accounts' | 'settings' | 'settingsFile' | 'unreadable' | 'pickerEntries'>;

/** The first pieces of the context: the services over stored data (accounts, settings and what reads them). */
export function createStoredServices(stored: StoredItems, ports: Pick<BackgroundPorts, 'hasAccess' | 'notify'>): StoredServices {
  const stores = { accounts: stored.accounts, settings: stored.settings };
  return {
    accounts: createAccounts({ store: stored.accounts, settings: stored.settings, hasAccess: ports.hasAccess, notify: ports.notify }),
    settings: stored.settings,
    settingsFile: {
      export: (passphrase) => exportSettings(passphrase, new Date(), stores),
      import: (text, passphrase) => importSettings(text, passphrase, stores),
    },
    // Unreadable entries are looked up across every stored item (the registry: accounts, settings, link health, the copy of the newest jobs, picker lists).
    unreadable: createUnreadable(stored),
    pickerEntries: stored.pickerEntries,
  };
}

export function createBackgroundContext({ stored, ports, pollAlarm }: BackgroundDeps): BackgroundContext {
  const services = createStoredServices(stored, ports);
  const { accounts, settings } = services;
  const jobs = createJobs(stored, ports);
  const port = uploaderPort();
  const runner = createQueueRunner({
    store: jobs.store,
    clientFor: accounts.clientFor,
    hostIdOf: async (accountId) => (await accounts.find(accountId))?.hostId,
    now: () => Date.now(),
    schedulePoll: (when) => void ports.alarms.create(pollAlarm, { when: Math.max(when, Date.now() + minAlarmMs) }),
    cancelPoll: () => void ports.alarms.clear(pollAlarm),
    // Alarms outlive the worker: a new one keeps the time the last one set.
    scheduledPoll: async () => (await ports.alarms.get(pollAlarm))?.scheduledTime,
    limits: async () => (await settings.get()).concurrency ?? defaultLimits,
    notify: (entry) => {
      const notice = jobNotice(entry);
      if (notice) void ports.notify(entry.id, notice.title, notice.message);
    },
    ...port.deps,
  });
  // File uploads and relays: the uploader (offscreen document / Firefox event page).
  const uploads = ports.uploads({ store: jobs.store, runner, accounts });
  port.plug(uploads);
  const badge = createBadge(ports.action, () => unseenProblems(stored.linkHealth));
  const health = createHealth({
    item: stored.linkHealth,
    clientFor: accounts.clientFor,
    historyTargets: async () => {
      const ready: Job[] = [];
      await jobs.store.each((job) => void ready.push(job), { state: 'ready' });
      return historyTargetsOf(ready);
    },
    showProblems: badge.setProblems,
  });
  return { ...services, jobs, runner, uploads, badge, health, menu: createMenu(accounts, runner, stored, ports) };
}
