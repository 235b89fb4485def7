import { browser } from 'wxt/browser';
import { settingsItem } from '../storage';
import { defaultLimits } from '../queue/scheduler';
import type { QueueRunner, QueueRunnerDeps } from '../queue/runner';
import type { JobStore } from '../queue/store';
import { createUploadBridge } from '../upload/background/bridge';
import { createOffscreenManager } from '../upload/background/offscreen';
import { clientForId, getAccount, secretsOf } from './accounts';
import { createUploadHandlers } from './handlers/uploads';
import { startBackgroundUploader, type BackgroundUploader } from '../upload/background/in-background';

// The upload feature's background wiring, kept in one place so the shared
// service file only spreads it in. It lives here, not in lib/upload, because
// it reaches into the background's accounts and handlers.

/** Chrome fires alarms no sooner than 30 s; polling faster would only be wasted work. */
export const minAlarmMs = 30_000;

export function createUploadWiring(options: { store: JobStore; runner(): QueueRunner; pollAlarm: string }) {
  const { store, pollAlarm } = options;
  const offscreen = createOffscreenManager();
  // Firefox: no offscreen document; the event page itself uploads (in-background.ts).
  let local: BackgroundUploader | undefined;
  if (!offscreen.supported) {
    local = startBackgroundUploader({
      reports: () => bridge.handlers,
      workLeft: async () => (await store.all()).some((job) => (job.kind === 'file' || job.kind === 'relay') && ['queued', 'sending', 'uploading'].includes(job.state)),
    });
  }
  const bridge = createUploadBridge({
    store,
    runner: options.runner,
    clientFor: clientForId,
    secretsOf: async (accountId) => {
      const account = await getAccount(accountId).catch(() => undefined);
      return account ? secretsOf(account) : [];
    },
    offscreen,
    // The same envelope as every request; the uploader document checks it came from here.
    broadcast: local ? local.broadcast : (type, payload) => browser.runtime.sendMessage({ vidrelay: 1, type, payload }),
  });

  const runnerDeps: Partial<QueueRunnerDeps> = {
    uploadFile: (job) => bridge.uploadFile(job),
    uploadAlive: (job) => bridge.uploadAlive(job),
    cancelUpload: (job) => bridge.cancelUpload(job),
    schedulePoll: (when) => void browser.alarms.create(pollAlarm, { when: Math.max(when, Date.now() + minAlarmMs) }),
    cancelPoll: () => void browser.alarms.clear(pollAlarm),
    limits: async () => (await settingsItem.get()).concurrency ?? defaultLimits,
  };

  const handlers = createUploadHandlers({
    runner: {
      enqueueFile: (...a) => options.runner().enqueueFile(...a),
      enqueueFileMirror: (...a) => options.runner().enqueueFileMirror(...a),
      enqueueRelay: (...a) => options.runner().enqueueRelay(...a),
      retry: (id) => options.runner().retry(id),
    },
    bridge,
    getJob: (id) => store.get(id),
    clientFor: clientForId,
  });

  // The uploader's reports are background requests: the router checks their sender and payload.
  return { bridge, runnerDeps, handlers: { ...handlers, ...bridge.handlers } };
}
