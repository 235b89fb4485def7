import { send } from '../../messaging';
import { fileChannelName, type FileChannelMessage } from '../../protocol/uploader';

// The page's side of giving Files to the uploader. A File is structured-cloned
// over a same-origin BroadcastChannel as a reference to the same bytes on
// disk, never read or copied (runtime messages cannot carry Files in Chrome).

export interface HandItem {
  jobId: string;
  file: File;
  snapshot?: File;
}

/** Resolves once the uploader confirmed it holds every File. */
function handFiles(items: readonly HandItem[], timeoutMs = 10_000): Promise<void> {
  if (!items.length) return Promise.resolve();
  const channel = new BroadcastChannel(fileChannelName);
  const waiting = new Set(items.map((item) => item.jobId));
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      channel.close();
      reject(new Error('The uploader did not take the files. Reload this page and try again.'));
    }, timeoutMs);
    channel.onmessage = (event: MessageEvent<FileChannelMessage>) => {
      if (event.data?.type !== 'held') return;
      waiting.delete(event.data.jobId);
      if (waiting.size) return;
      clearTimeout(timer);
      channel.close();
      resolve();
    };
    for (const item of items) {
      channel.postMessage({ type: 'hold', jobId: item.jobId, file: item.file, snapshot: item.snapshot } satisfies FileChannelMessage);
    }
  });
}

/**
 * The whole handshake: make sure an uploader runs, give it the Files, then
 * register their jobs (`uploads.add` or `uploads.reattach`). The uploader
 * holds every File before its job exists, so no job ever starts without its
 * bytes; if the hand-over fails, nothing was queued.
 */
export async function handOver<T>(items: readonly HandItem[], register: () => Promise<T>): Promise<T> {
  await send('uploads.prepare', {});
  await handFiles(items);
  return register();
}
