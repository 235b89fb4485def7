// Runs inside the spool worker (spool-client.ts starts it and talks to it):
// a dedicated worker that writes relay downloads into the origin private file
// system through sync access handles. Writing from the document goes through
// FileSystemWritableFileStream, which copies every chunk into a Blob the
// page's garbage collector frees late: a 256 MiB relay held over 100 MB.
// Here a chunk is written straight to disk and its buffer handed back.

import type { SpoolReply, SpoolRequest } from './spool-wire';

interface SyncHandle {
  write(data: Uint8Array, options: { at: number }): number;
  getSize(): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

interface Scope {
  onmessage: ((event: MessageEvent<SpoolRequest>) => void) | null;
  postMessage(message: SpoolReply, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as Scope;
const open = new Map<string, { handle: SyncHandle; at: number }>();

/** The file's sync handle, cut to its first `keep` bytes (none by default); throws when it holds fewer. */
async function handleOf(folder: string, name: string, keep = 0): Promise<SyncHandle> {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(folder, { create: true });
  const file = (await dir.getFileHandle(name, { create: true })) as FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncHandle> };
  const handle = await file.createSyncAccessHandle();
  if (handle.getSize() < keep) {
    handle.close();
    throw new Error('the spool file is shorter than its mark');
  }
  handle.truncate(keep);
  return handle;
}

/** Stream relays' mark files, open while their spool file is (opening a handle per segment cost more than the write). */
const marks = new Map<string, SyncHandle>();

function close(name: string): void {
  const mark = marks.get(name);
  marks.delete(name);
  mark?.close();
  const entry = open.get(name);
  open.delete(name);
  if (!entry) return;
  entry.handle.flush();
  entry.handle.close();
}

// Requests are handled strictly in order: a write never overtakes its open.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = ({ data: request }) => {
  queue = queue.then(async () => {
    try {
      switch (request.op) {
        case 'open':
          close(request.name);
          open.set(request.name, { handle: await handleOf(request.folder, request.name, request.keep), at: request.keep ?? 0 });
          scope.postMessage({ seq: request.seq, ok: true });
          return;
        case 'mark': {
          // The bytes reach the disk before the mark that counts them.
          open.get(request.name)?.handle.flush();
          let mark = marks.get(request.name);
          if (!mark) {
            mark = await handleOf(request.folder, `${request.name}.mark`);
            marks.set(request.name, mark);
          }
          const text = new TextEncoder().encode(request.text);
          mark.write(text, { at: 0 });
          mark.truncate(text.byteLength);
          mark.flush();
          scope.postMessage({ seq: request.seq, ok: true });
          return;
        }
        case 'write': {
          const entry = open.get(request.name);
          if (!entry) throw new Error('the spool file is not open');
          const bytes = new Uint8Array(request.buffer, request.offset, request.length);
          let done = 0;
          while (done < bytes.byteLength) done += entry.handle.write(bytes.subarray(done), { at: entry.at + done });
          entry.at += done;
          scope.postMessage({ seq: request.seq, ok: true, buffer: request.buffer }, [request.buffer]);
          return;
        }
        case 'close':
          close(request.name);
          scope.postMessage({ seq: request.seq, ok: true });
          return;
      }
    } catch (error) {
      if (request.op !== 'open') {
        try {
          close(request.name);
        } catch {}
      }
      scope.postMessage({ seq: request.seq, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
};
