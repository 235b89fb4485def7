import { browser } from 'wxt/browser';
import { serveFiles } from './channel';
import { opfsSpool, memorySpool } from './spool';
import { workerSpool } from './worker-spool';
import { createUploader, type Uploader } from './uploader';
import { isUploaderCommand, type UploaderReport } from './wire';

// Runs the uploader in a document: Chrome's offscreen document, or the
// Firefox manager tab. Commands from the background are answered only when
// this uploader has something to say (see Uploader.handle).

const sweepEveryMs = 30_000;

export function startUploaderHost(options: { reportIdle: boolean }): Uploader {
  const spool = workerSpool(opfsSpool() ?? memorySpool());
  // A closed document may have left half-downloaded relays behind.
  void spool.clear();
  const uploader = createUploader({
    send: (report: UploaderReport) => browser.runtime.sendMessage(report),
    spool,
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isUploaderCommand(message)) return undefined;
    const reply = uploader.handle(message);
    return reply === undefined ? undefined : Promise.resolve(reply);
  });
  serveFiles(uploader);
  if (options.reportIdle) setInterval(() => void uploader.sweep(), sweepEveryMs);
  return uploader;
}
