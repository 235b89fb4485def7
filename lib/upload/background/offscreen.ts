// Chrome's offscreen document, created on demand and closed when idle. It
// holds the user's Files and runs the upload XHRs, so uploads outlive the
// manager tab and the service worker. Firefox has no offscreen API: there the
// background event page runs the uploader itself (in-background.ts).

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

interface RuntimeWithContexts {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

const offscreenPath = 'offscreen.html';
const justification = 'Holds the video files the user picked and uploads them with progress, so uploads go on after the manager tab closes.';

export interface OffscreenManager {
  /** False in Firefox: the event page is the uploader there. */
  readonly supported: boolean;
  ensure(): Promise<void>;
  exists(): Promise<boolean>;
  close(): Promise<void>;
}

function chromeApis(): { offscreen?: OffscreenApi; runtime?: RuntimeWithContexts } {
  const chrome = (globalThis as { chrome?: { offscreen?: OffscreenApi; runtime?: RuntimeWithContexts } }).chrome;
  return { offscreen: chrome?.offscreen, runtime: chrome?.runtime };
}

export function createOffscreenManager(apis = chromeApis()): OffscreenManager {
  const { offscreen, runtime } = apis;
  let creating: Promise<void> | undefined;

  async function exists(): Promise<boolean> {
    if (!offscreen) return false;
    if (runtime?.getContexts) return (await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0;
    return (await offscreen.hasDocument?.()) ?? false;
  }

  return {
    supported: !!offscreen,
    exists,
    async ensure() {
      if (!offscreen) return;
      // Two callers at once must not both create it: Chrome allows one document.
      creating ??= (async () => {
        try {
          if (!(await exists())) await offscreen.createDocument({ url: offscreenPath, reasons: ['BLOBS'], justification });
        } catch (error) {
          if (!/single offscreen document/i.test(String(error))) throw error;
        } finally {
          creating = undefined;
        }
      })();
      await creating;
    },
    async close() {
      if (!offscreen || !(await exists())) return;
      await offscreen.closeDocument().catch(() => undefined);
    },
  };
}
