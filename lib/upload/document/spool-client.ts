import spoolWorkerUrl from './spool-worker?worker&url';
import { clearSpoolFolder, fileName, folder, markName, readMark, type Spool } from './spool';
import type { SpoolReply, SpoolRequest } from './spool-wire';

// The document's side of the relay spool worker (spool-worker.ts runs inside
// the worker): OPFS written off the document's thread.

type Ask = SpoolRequest extends infer R ? (R extends SpoolRequest ? Omit<R, 'seq'> : never) : never;

/**
 * OPFS written from a dedicated worker (spool-worker.ts): each chunk's buffer
 * is lent to the worker, written with a sync access handle and lent back, so
 * memory stays flat however large the video. Where the worker cannot run,
 * each relay falls back to `fallback`.
 */
export function workerSpool(fallback: Spool): Spool {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.getDirectory || typeof Worker === 'undefined') return fallback;
  let worker: Worker | undefined;
  let broken = false;
  let seq = 0;
  const waiting = new Map<number, { resolve(reply: Extract<SpoolReply, { ok: true }>): void; reject(error: Error): void }>();

  const fail = (error: Error) => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  };

  const started = (): Worker => {
    if (worker) return worker;
    const created = new Worker(spoolWorkerUrl);
    created.onmessage = ({ data }: MessageEvent<SpoolReply>) => {
      const entry = waiting.get(data.seq);
      waiting.delete(data.seq);
      if (!entry) return;
      if (data.ok) entry.resolve(data);
      else entry.reject(new Error(data.message));
    };
    created.onerror = () => fail(new Error('The relay spool worker stopped.'));
    worker = created;
    return created;
  };

  const ask = (request: Ask, transfer: Transferable[] = []) =>
    new Promise<Extract<SpoolReply, { ok: true }>>((resolve, reject) => {
      if (broken) return reject(new Error('The relay spool worker is not available.'));
      const id = ++seq;
      waiting.set(id, { resolve, reject });
      started().postMessage({ ...request, seq: id }, transfer);
    });

  const dir = async () => (await storage.getDirectory()).getDirectoryHandle(folder, { create: true });

  return {
    async create(id) {
      const name = fileName(id);
      try {
        await ask({ op: 'open', folder, name });
      } catch {
        return fallback.create(id);
      }
      let open = true;
      return {
        async write(chunk) {
          const reply = await ask({ op: 'write', name, buffer: chunk.buffer as ArrayBuffer, offset: chunk.byteOffset, length: chunk.byteLength }, [
            chunk.buffer as ArrayBuffer,
          ]);
          return reply.buffer;
        },
        async finish(type) {
          await ask({ op: 'close', name });
          open = false;
          const file = await (await (await dir()).getFileHandle(name)).getFile();
          // A File made of a File refers to the same bytes on disk; only the type is new.
          return new File([file], file.name, { type });
        },
        async discard() {
          if (open) await ask({ op: 'close', name }).catch(() => undefined);
          open = false;
          await (await dir()).removeEntry(name).catch(() => undefined);
        },
      };
    },
    async resume(id, source) {
      const name = fileName(id);
      const text = await (await dir())
        .getFileHandle(markName(name))
        .then((handle) => handle.getFile())
        .then((file) => file.text())
        .catch(() => undefined);
      let kept = readMark(text, source) ?? { parts: 0, bytes: 0 };
      try {
        await ask({ op: 'open', folder, name, keep: kept.bytes });
      } catch {
        // The file is shorter than its mark said (or gone): start over.
        kept = { parts: 0, bytes: 0 };
        await (await dir()).removeEntry(markName(name)).catch(() => undefined);
        try {
          await ask({ op: 'open', folder, name });
        } catch {
          return fallback.resume?.(id, source);
        }
      }
      let open = true;
      const close = async () => {
        if (open) await ask({ op: 'close', name }).catch(() => undefined);
        open = false;
      };
      let bytes = kept.bytes;
      return {
        kept: { parts: kept.parts, bytes: kept.bytes },
        async write(chunk) {
          const size = chunk.byteLength;
          const reply = await ask({ op: 'write', name, buffer: chunk.buffer as ArrayBuffer, offset: chunk.byteOffset, length: size }, [
            chunk.buffer as ArrayBuffer,
          ]);
          bytes += size;
          return reply.buffer;
        },
        async mark(parts) {
          await ask({ op: 'mark', folder, name, text: JSON.stringify({ source, parts, bytes, at: Date.now() }) });
        },
        keep: close,
        async finish(type) {
          await close();
          const file = await (await (await dir()).getFileHandle(name)).getFile();
          return new File([file], file.name, { type });
        },
        async discard() {
          await close();
          const parent = await dir();
          await parent.removeEntry(markName(name)).catch(() => undefined);
          await parent.removeEntry(name).catch(() => undefined);
        },
      };
    },
    clear: (keepMarkedMs) => (keepMarkedMs ? clearSpoolFolder(storage, keepMarkedMs) : fallback.clear()),
  };
}
