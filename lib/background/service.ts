import { browser } from 'wxt/browser';
import { isHostError } from '../errors';
import { accountsItem, settingsItem } from '../storage';
import { toPublicAccount } from '../accounts';
import { createJobStore } from '../queue/store';
import type { Job } from '../queue/job';
import { createQueueRunner } from '../queue/runner';
import { createHistory } from '../queue/history';
import { createJobFeed, type JobFeed } from './job-feed';
import { listen } from './router';
import { createAccountHandlers } from './handlers/accounts';
import { createJobHandlers } from './handlers/jobs';
import { clientForId, getAccount } from './accounts';
import { assertRemoteFits, hostInfoOf } from './host-fit';
import { rebuildMenus } from './menus';
import { defaultFindInTab, handleMenuClick, recentNotices, sendToTarget, type MenuClickInfo, type MenuDeps } from './menu-click';
import { notify } from './notify';
import { jobNotice } from './job-notice';
import { createFileHandlers } from './handlers/files';
import { createHealth, historyTargetsOf } from './health';
import { createSettingsFileHandlers } from './handlers/settings-file';
import { createStorageHandlers } from './handlers/storage';
import { listUnreadable } from './unreadable';
import { restrictStorageToTrustedContexts } from './storage-access';
import { openPicker } from './picker';
import { createPickerHandlers } from './handlers/picker';
import { handleShortcut } from './shortcut';
import { createUploadWiring } from './upload-wiring';
import { createBadge, uploadTracker } from './badge';
import { openWelcomeOnInstall } from './first-run';

// Wires browser events to lib/: the background holds no logic of its own.

const POLL_ALARM = 'queue-poll';

export function startBackground(): void {
  // Security: storage.local (where the keys are) for extension pages and the background only.
  void restrictStorageToTrustedContexts();
  // Stored data of an older version is carried over at start; what cannot be read is kept and reported.
  void accountsItem
    .migrate()
    .then(listUnreadable)
    .then((found) => found.forEach((r) => console.warn(`VidRelay: stored ${r.kind} could not be read and is kept as it is: ${r.message}`)))
    .catch((error: unknown) => console.warn('VidRelay: carrying stored accounts over failed; the old list is kept', error instanceof Error ? error.name : 'error'));

  // A job change the browser refused to store is told to the user, never only logged.
  let feed: JobFeed | undefined;
  const store = createJobStore({
    onWriteError: (error) => {
      feed?.storageError(error);
      void notify('storage-error', 'VidRelay could not save a job', error.message);
    },
    onCorrupt: (entries) => console.warn(`VidRelay: ${entries.length} stored job(s) could not be read; kept as they are`),
  });
  feed = createJobFeed(store);
  const history = createHistory(store);
  // File uploads and relays: the uploader (offscreen document / Firefox event page), the poll alarm floor, concurrency limits.
  const uploads = createUploadWiring({ store, runner: () => runner, pollAlarm: POLL_ALARM });
  const runner = createQueueRunner({
    store,
    clientFor: clientForId,
    hostIdOf: async (accountId) => (await accountsItem.get()).find((a) => a.id === accountId)?.hostId,
    now: () => Date.now(),
    schedulePoll: (when) => void browser.alarms.create(POLL_ALARM, { when }),
    // Alarms outlive the worker: a new one keeps the time the last one set.
    scheduledPoll: async () => (await browser.alarms.get(POLL_ALARM))?.scheduledTime,
    notify: (job) =>
      void store.getMany(job.childIds ?? []).then((jobs) => {
        const notice = jobNotice(job, jobs);
        if (notice) void notify(job.id, notice.title, notice.message);
      }),
    ...uploads.runnerDeps,
  });

  const menuDeps: MenuDeps = {
    queue: runner,
    enabledAccountIds: async () => (await accountsItem.get()).filter((a) => a.enabled).map((a) => a.id),
    labelOf: async (id: string) => (await accountsItem.get()).find((a) => a.id === id)?.label ?? 'account',
    optionsFor: async (id: string) => (await accountsItem.get()).find((a) => a.id === id)?.defaults ?? {},
    checkRemote: async (id: string) => assertRemoteFits(await getAccount(id)),
    remoteAccountIds: async () => (await accountsItem.get()).filter((a) => a.enabled && hostInfoOf(a)?.canRemote).map((a) => a.id),
    findInTab: defaultFindInTab,
    openPicker,
  };

  // Send to host: the picker page for pages with several videos, and the send-video shortcut.
  const pickerHandlers = createPickerHandlers({
    accounts: async () => (await accountsItem.get()).filter((a) => a.enabled).map((a) => ({ id: a.id, label: a.label })),
    send: (target, urls) => sendToTarget(target, urls, menuDeps),
  });
  const shortcut = () =>
    handleShortcut({
      activeTab: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
      defaultAccountId: async () => (await settingsItem.get()).defaultAccountId,
      enabledAccountIds: menuDeps.enabledAccountIds,
      click: (info, tabId) => handleMenuClick(info, tabId, menuDeps),
    });
  // Link management: file browser, account views, link health and its badge.
  const HEALTH_ALARM = 'link-health';
  // One badge owner: running uploads (count, progress in the tooltip) first, then link problems.
  const badge = createBadge();
  const health = createHealth({
    clientFor: clientForId,
    historyTargets: async () => {
      const ready: Job[] = [];
      await store.each((job) => void ready.push(job), { state: 'ready' });
      return historyTargetsOf(ready);
    },
    showProblems: badge.setProblems,
  });
  void health.restoreBadge();
  const uploadsRunning = uploadTracker();
  store.watch((changed, removed) => void badge.setUploads(uploadsRunning.apply(changed, removed)));
  // Running uploads are active jobs: the start needs no scan of the whole history.
  void store.active().then((jobs) => badge.setUploads(uploadsRunning.apply(jobs)));

  listen({
    ...uploads.handlers,
    ...pickerHandlers,
    ...createFileHandlers({ health }),
    ...createAccountHandlers(),
    ...createSettingsFileHandlers(),
    ...createStorageHandlers(),
    ...createJobHandlers({
      enqueueRemote: (accountId, url, options) => runner.enqueueRemote(accountId, url, options),
      recent: async (limit) => {
        const top = await store.recent(limit, (job) => !job.parentId);
        const children = await store.getMany(top.flatMap((job) => job.childIds ?? []));
        return [...top, ...children];
      },
      history,
      removeMany: (ids) => store.removeMany(ids),
      problems: () => store.corrupted(),
      retry: (id) => runner.retry(id),
      cancel: (id) => runner.cancel(id),
      hostAction: (id, action) => runner.hostAction(id, action),
      remove: async (id) => {
        await runner.remove(id);
        return true;
      },
    }),
  });

  const refreshMenus = async () => rebuildMenus((await accountsItem.get()).map(toPublicAccount));
  browser.runtime.onInstalled.addListener((details) => {
    void refreshMenus();
    void openWelcomeOnInstall(details);
    void browser.alarms.create(HEALTH_ALARM, { periodInMinutes: 24 * 60 });
  });
  browser.runtime.onStartup.addListener(() => void refreshMenus());
  accountsItem.watch(() => void refreshMenus());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(info as MenuClickInfo, tab?.id, menuDeps);
  });
  const alarms: Record<string, () => Promise<unknown>> = {
    [POLL_ALARM]: () => runner.poll(),
    [HEALTH_ALARM]: () => health.scheduledCheck(),
  };
  // Nobody awaits an alarm: a failure is reported by its code, never left unhandled.
  browser.alarms.onAlarm.addListener(
    (alarm) => void alarms[alarm.name]?.().catch((error: unknown) => console.warn(`VidRelay: alarm ${alarm.name} failed (${isHostError(error) ? error.code : 'unexpected error'})`)),
  );
  const commands: Record<string, () => Promise<unknown>> = {
    'send-video': shortcut,
    'open-manager': () => browser.tabs.create({ url: browser.runtime.getURL('/manager.html') }),
  };
  browser.commands.onCommand.addListener((command) => void commands[command]?.());

  // A new service worker means whatever the last one had in flight was cut off.
  void runner.recover();

  // The menu's own code path, reachable from e2e tests through the service worker.
  (globalThis as { vidrelay?: unknown }).vidrelay = {
    menuClick: (info: MenuClickInfo, tabId?: number) => handleMenuClick(info, tabId, menuDeps),
    shortcut,
    notices: () => [...recentNotices()],
  };
}
