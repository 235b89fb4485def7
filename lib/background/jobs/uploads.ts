import { browser } from 'wxt/browser';
import type { QueueRunner } from '../../queue/runner';
import type { JobStore } from '../../queue/store';
import { createUploadBridge, type UploadBridge } from '../../upload/background/bridge';
import { createOffscreenManager } from '../../upload/background/offscreen';
import { startBackgroundUploader, type BackgroundUploader } from '../../upload/background/in-background';
import type { AccountService } from '../accounts/service';
import { assertUploadSite } from '../../accounts/sites';
import { downloadPattern } from '../../accounts/host-access';

// The uploads piece of the background context (lib/background/context/context.ts):
// the bridge to whoever uploads (Chrome's offscreen document, Firefox's event
// page). It lives here, not in lib/upload, because it takes the background's
// accounts service.

export interface UploadsDeps {
  store: Pick<JobStore, 'get' | 'getMany' | 'active' | 'all'>;
  /** Where the uploader's reports go. The runner was built first and is handed over whole. */
  runner: Pick<QueueRunner, 'report' | 'uploadDone' | 'uploadFailed'>;
  accounts: Pick<AccountService, 'clientFor' | 'secretsOf' | 'get'>;
}

export interface Uploads {
  bridge: UploadBridge;
}

export function createUploads({ store, runner, accounts }: UploadsDeps): Uploads {
  const offscreen = createOffscreenManager();
  // Firefox: no offscreen document; the event page itself uploads (in-background.ts).
  let local: BackgroundUploader | undefined;
  if (!offscreen.supported) {
    local = startBackgroundUploader({
      // Read on the first report, after the bridge below exists: the bridge needs this uploader's broadcast first.
      reports: () => bridge.handlers,
      workLeft: async () =>
        (await store.all()).some((job) => (job.kind === 'file' || job.kind === 'relay') && ['queued', 'sending', 'uploading'].includes(job.state)),
    });
  }
  const bridge = createUploadBridge({
    store,
    runner,
    clientFor: (accountId) => accounts.clientFor(accountId),
    secretsOf: (accountId) => accounts.secretsOf(accountId),
    checkUploadSite: async (accountId, url) => assertUploadSite(await accounts.get(accountId), url),
    offscreen,
    mayDownload: (origin) => browser.permissions.contains({ origins: [downloadPattern(origin)] }),
    // The same envelope as every request; the uploader document checks it came from here.
    broadcast: local ? local.broadcast : (type, payload) => browser.runtime.sendMessage({ vidrelay: 1, type, payload }),
  });
  return { bridge };
}
