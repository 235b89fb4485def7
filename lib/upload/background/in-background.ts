import { browser } from 'wxt/browser';
import type { Reply } from '../../protocol/route';
import type { UploaderCommandReplies, UploaderCommands, UploaderCommandType } from '../../protocol/uploader';
import { serveFiles } from '../document/file-inbox';
import { markedSpoolLifeMs, memorySpool, opfsSpool } from '../document/spool';
import { workerSpool } from '../document/spool-client';
import { createUploader, type Uploader, type UploaderDeps } from '../document/uploader';
import { commandHandlers } from '../document/uploader-document';
import type { UploaderReportHandlers } from './bridge';

// Firefox has no offscreen documents, but its MV3 background is an event page
// with a DOM: it can hold the user's Files (handed over on the same-origin
// File channel from the manager tab) and run the upload XHRs itself, so an
// upload goes on after the tab closes. Commands and reports are plain calls
// here: no message crosses a context, so there is no sender to check.
//
// Firefox unloads an idle event page (extensions.background.idle.timeout,
// 30 s by default). Measured in Firefox 153: an in-flight XHR and an open
// runtime port do not count as activity, but a call into the parent process
// such as runtime.getPlatformInfo() does. So while an upload is on its way
// (or a held File waits its turn) the page makes such a call every second:
// cheap, and shorter than any idle timeout a user would set. Should the page be unloaded anyway (a browser restart), the queue's
// recover() finds the File gone and asks the user to choose it again.

const keepAliveEveryMs = 1000;

export interface BackgroundUploader {
  uploader: Uploader;
  /** What the File channel calls: hold the File and keep the page alive while it waits. */
  hold: Uploader['hold'];
  broadcast<T extends UploaderCommandType>(type: T, payload: UploaderCommands[T]): Promise<Reply<UploaderCommandReplies[T]> | undefined>;
}

export interface BackgroundUploaderDeps {
  /** The bridge's report handlers (given late: the bridge needs broadcast first). */
  reports(): UploaderReportHandlers;
  /** Whether a file or relay job still waits or is being sent. */
  workLeft(): Promise<boolean>;
  keepAlive?(): Promise<unknown>;
  everyMs?: number;
}

/** One caller id for the bridge's claims: this uploader is the only one. */
const self = { documentId: 'background' };

export function startBackgroundUploader(deps: BackgroundUploaderDeps): BackgroundUploader {
  const keepAlive = deps.keepAlive ?? (() => browser.runtime.getPlatformInfo());
  const send: UploaderDeps['send'] = async (type, payload) => {
    const handler = deps.reports()[type] as (p: unknown, s: typeof self) => Promise<never>;
    return { ok: true, data: await handler(payload, self) };
  };
  const spool = workerSpool(opfsSpool() ?? memorySpool());
  // Stream relays keep what they spooled for the run that goes on after a restart.
  void spool.clear(markedSpoolLifeMs);
  const uploader = createUploader({ send, spool });
  const handlers = commandHandlers(uploader);

  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = async () => {
    if (uploader.busy() && (await deps.workLeft())) {
      await keepAlive().catch(() => undefined);
      return;
    }
    // Nothing to send: drop Files the queue no longer needs and let Firefox unload the page.
    await uploader.sweep();
    if (!uploader.busy() || !(await deps.workLeft())) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const watch = () => {
    timer ??= setInterval(() => void tick(), deps.everyMs ?? keepAliveEveryMs);
  };

  const hold: Uploader['hold'] = (jobId, file, snapshot) => {
    uploader.hold(jobId, file, snapshot);
    watch();
  };
  serveFiles({ hold });

  return {
    uploader,
    hold,
    async broadcast(type, payload) {
      const data = (handlers[type] as (p: unknown) => unknown)(payload);
      if (type === 'uploader.start') watch();
      return data === undefined ? undefined : ({ ok: true, data } as Reply<never>);
    },
  };
}
