// Where a relay keeps the video it downloads before uploading it. The origin
// private file system streams each chunk to disk, so a multi-GB relay costs
// disk, not memory: best through a worker's sync access handle (workerSpool),
// else through a writable stream (opfsSpool); the memory spool is for tests
// and browsers without OPFS.

export interface SpoolWriter {
  /**
   * Store the chunk's bytes. The spool may take the chunk's buffer (it is
   * detached afterwards); it then resolves with a buffer the caller may read
   * the next chunk into. Otherwise the caller's buffer is free to reuse.
   */
  write(chunk: Uint8Array): Promise<ArrayBuffer | undefined>;
  /** The finished file (disk-backed with OPFS). */
  finish(type: string): Promise<File>;
  discard(): Promise<void>;
}

export interface Spool {
  create(id: string): Promise<SpoolWriter>;
  /** Remove leftovers of relays a closed document never finished. */
  clear(): Promise<void>;
}

export const folder = 'relay-spool';
export const fileName = (id: string) => id.replace(/[^\w-]/g, '_');

export function opfsSpool(): Spool | undefined {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.getDirectory) return undefined;
  const dir = async () => (await storage.getDirectory()).getDirectoryHandle(folder, { create: true });
  return {
    async create(id) {
      const parent = await dir();
      const name = fileName(id);
      const handle = await parent.getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      let open = true;
      return {
        write: async (chunk) => void (await writable.write(chunk as Uint8Array<ArrayBuffer>)),
        async finish() {
          await writable.close();
          open = false;
          return handle.getFile();
        },
        async discard() {
          if (open) await writable.abort().catch(() => undefined);
          open = false;
          await parent.removeEntry(name).catch(() => undefined);
        },
      };
    },
    async clear() {
      await (await storage.getDirectory()).removeEntry(folder, { recursive: true }).catch(() => undefined);
    },
  };
}

export function memorySpool(): Spool {
  return {
    async create(id) {
      let parts: Uint8Array[] = [];
      return {
        // A copy: the caller reads its next chunk into the same buffer.
        write: async (chunk) => void parts.push(chunk.slice()),
        finish: async (type) => new File(parts as BlobPart[], id, { type }),
        discard: async () => {
          parts = [];
        },
      };
    },
    clear: async () => undefined,
  };
}
