import { fileChannelName, type FileChannelMessage } from '../../protocol/uploader';
import type { Uploader } from './uploader';

// The uploader's end of the File channel: Files travel from the manager page
// over a same-origin BroadcastChannel (only the extension's own pages can open
// it), structured-cloned as references to the same bytes on disk, never read
// or copied (runtime messages cannot carry Files in Chrome). Holding a File
// starts nothing: only the background's start command does.

/** Take every File offered and say so. */
export function serveFiles(uploader: Pick<Uploader, 'hold'>): () => void {
  const channel = new BroadcastChannel(fileChannelName);
  channel.onmessage = (event: MessageEvent<FileChannelMessage>) => {
    const message = event.data;
    if (message?.type === 'hold' && typeof message.jobId === 'string' && message.file instanceof Blob) {
      uploader.hold(message.jobId, message.file, message.snapshot instanceof Blob ? message.snapshot : undefined);
      channel.postMessage({ type: 'held', jobId: message.jobId } satisfies FileChannelMessage);
    } else if (message?.type === 'ping') {
      channel.postMessage({ type: 'here', nonce: message.nonce } satisfies FileChannelMessage);
    }
  };
  return () => channel.close();
}
