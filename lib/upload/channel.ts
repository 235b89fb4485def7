import type { Uploader } from './uploader';
import { fileChannelName, type FileChannelMessage } from './wire';

// Files travel from the manager page to the uploader over a same-origin
// BroadcastChannel: a File is structured-cloned as a reference to the same
// bytes on disk, never read or copied (runtime messages cannot carry Files
// in Chrome).

/** The uploader's side: take every File offered and say so. */
export function serveFiles(uploader: Uploader): () => void {
  const channel = new BroadcastChannel(fileChannelName);
  channel.onmessage = (event: MessageEvent<FileChannelMessage>) => {
    const message = event.data;
    if (message?.type === 'hold' && message.file instanceof Blob) {
      uploader.hold(message.jobId, message.file, message.snapshot);
      channel.postMessage({ type: 'held', jobId: message.jobId } satisfies FileChannelMessage);
    } else if (message?.type === 'ping') {
      channel.postMessage({ type: 'here', nonce: message.nonce } satisfies FileChannelMessage);
    }
  };
  return () => channel.close();
}

export interface HandItem {
  jobId: string;
  file: File;
  snapshot?: File;
}

/** The page's side: resolves once the uploader confirmed it holds every File. */
export function handFiles(items: readonly HandItem[], timeoutMs = 10_000): Promise<void> {
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
