import { browser } from 'wxt/browser';
import { isAppError } from '../../errors';
import { toPublicAccount } from '../accounts/service';
import { hasHostAccess } from '../../accounts/host-access';
import { listen } from './router';
import { createBackgroundContext } from './build-context';
import { createAccountHandlers } from '../handlers/accounts';
import { createJobHandlers } from '../handlers/jobs';
import { createFileHandlers } from '../handlers/files';
import { createSettingsFileHandlers } from '../handlers/settings-file';
import { createStorageHandlers } from '../handlers/unreadable';
import { createPickerHandlers } from '../handlers/picker';
import { createUploadHandlers } from '../handlers/uploads';
import { rebuildMenus } from '../send-to-host/menus';
import { defaultFindInTab, type MenuClickInfo } from '../send-to-host/menu-click';
import { openPickerWindow } from '../send-to-host/picker';
import { defaultReadStreams } from '../send-to-host/streams';
import { restrictStorageToTrustedContexts } from '../stored/access-level';
import { storedItems } from '../stored/registry';
import { createUploads } from '../jobs/uploads';
import { notify } from '../notices/notify';
import { tellPages } from '../notices/page-notice';
import { handleShortcut } from '../send-to-host/shortcut';
import { uploadTracker } from '../jobs/badge';
import { openWelcomeOnInstall } from './first-run';
import { installTestHooks } from './test-hooks';
import { followLanguage } from './language';

// Wires browser events to lib/: builds the background context from the stored
// items (lib/background/stored/registry.ts) and the browser's APIs, and hands
// it to every handler and listener.

const POLL_ALARM = 'queue-poll';
const HEALTH_ALARM = 'link-health';
/** Link health's results are read for the badge this long after a browser start or an update. */
const badgeRestoreDelayMs = 2_000;
/**
 * The console report of unreadable stored data waits this long after an install or update: it reads and checks
 * every stored record (50,000 link-health results take the worker half a second), which must not hold up the
 * first answers to the pages that open with the browser.
 */
const unreadableReportDelayMs = 10_000;

export function startBackground(): void {
  // Security: storage.local (the accounts; their keys are in IndexedDB) for extension pages and the background only.
  void restrictStorageToTrustedContexts();
  const ctx = createBackgroundContext({
    stored: storedItems,
    ports: {
      alarms: browser.alarms,
      action: browser.action,
      runtime: browser.runtime,
      notify,
      hasAccess: hasHostAccess,
      uploads: createUploads,
      findInTab: defaultFindInTab,
      readStreams: defaultReadStreams,
      openPickerWindow,
    },
    pollAlarm: POLL_ALARM,
  });
  const { accounts, jobs, runner, health, badge, menu } = ctx;

  // Stored data of an older version is carried over at start; what cannot be read is kept and reported (in Options).
  const migrated = accounts
    .migrate()
    .catch((error: unknown) =>
      console.warn('VidRelay: carrying stored accounts over failed; the old list is kept', error instanceof Error ? error.name : 'error'),
    );
  // Written to the console once per install or update (when a newer or older build's data shows up), not at every worker start:
  // the list reads every stored record, link health's results among them.
  const reportUnreadable = () =>
    void migrated
      .then(() => ctx.unreadable.list())
      .then((found) => {
        for (const r of found) console.warn(`VidRelay: stored ${r.kind} could not be read and is kept as it is: ${r.message}`);
      })
      .catch(() => undefined);

  // The badge: running uploads (count, progress in the tooltip), then link problems. The browser keeps it while
  // workers come and go and clears it when it restarts; it is drawn again then, once the pages a browser start
  // opens have had the worker first.
  const restoreBadge = () => setTimeout(() => void health.restoreBadge(), badgeRestoreDelayMs);
  const uploadsRunning = uploadTracker();
  jobs.store.watch((changed, removed) => void badge.setUploads(uploadsRunning.apply(changed, removed)));
  // Running uploads are active jobs: the start needs no scan of the whole history.
  void jobs.store.active().then((active) => badge.resume(uploadsRunning.apply(active)));

  listen({
    ...createUploadHandlers(ctx),
    // The uploader's reports are background requests: the router checks their sender and payload.
    ...ctx.uploads.bridge.handlers,
    ...createPickerHandlers(ctx),
    ...createFileHandlers(ctx),
    ...createAccountHandlers(ctx),
    ...createSettingsFileHandlers(ctx),
    ...createStorageHandlers(ctx),
    ...createJobHandlers(ctx),
  });

  // Send to host: the context menu and the send-video shortcut.
  const shortcut = () =>
    handleShortcut({
      activeTab: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
      defaultAccountId: async () => (await ctx.settings.get()).defaultAccountId,
      enabledAccountIds: menu.deps.enabledAccountIds,
      click: (info, tabId) => menu.click(info, tabId),
    });
  // Menu titles wait for the chosen language, and are given again when it changes.
  const refreshMenus = async () => {
    await languageReady;
    await rebuildMenus((await accounts.all()).map(toPublicAccount));
  };
  const languageReady = followLanguage(ctx.settings, () => void refreshMenus());
  browser.runtime.onInstalled.addListener((details) => {
    restoreBadge();
    setTimeout(reportUnreadable, unreadableReportDelayMs);
    void refreshMenus();
    void openWelcomeOnInstall(details, async () => (await accounts.all()).length > 0);
    void browser.alarms.create(HEALTH_ALARM, { periodInMinutes: 24 * 60 });
  });
  browser.runtime.onStartup.addListener(() => {
    restoreBadge();
    void refreshMenus();
  });
  accounts.watch(() => {
    void refreshMenus();
    // The welcome page follows the account list by this notice instead of asking again and again.
    void tellPages('accounts.changed', {});
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    void menu.click(info as MenuClickInfo, tab?.id);
  });
  const alarms: Record<string, () => Promise<unknown>> = {
    [POLL_ALARM]: () => runner.poll(),
    [HEALTH_ALARM]: () => health.scheduledCheck(),
  };
  // Nobody awaits an alarm: a failure is reported by its code, never left unhandled.
  browser.alarms.onAlarm.addListener(
    (alarm) =>
      void alarms[alarm.name]?.().catch((error: unknown) =>
        console.warn(`VidRelay: alarm ${alarm.name} failed (${isAppError(error) ? error.code : 'unexpected error'})`),
      ),
  );
  const commands: Record<string, () => Promise<unknown>> = {
    'send-video': shortcut,
    'open-manager': () => browser.tabs.create({ url: browser.runtime.getURL('/manager.html') }),
  };
  browser.commands.onCommand.addListener((command) => void commands[command]?.());

  // A new service worker means whatever the last one had in flight was cut off.
  void runner.recover();

  // e2e tests fire the menu and the shortcut through the browser's events; only a test build has the hook (wxt.config.ts).
  if (import.meta.env.VIDRELAY_TEST_BUILD) installTestHooks(runner);
}
