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

/** How far a stream relay's spool got: its first `parts` parts (init segment, segments) are `bytes` long. */
export interface SpoolMark {
  /** The media playlist the parts come from: a mark for another source is not resumed. */
  source: string;
  parts: number;
  bytes: number;
  /** When the mark was written (ms): old leftovers are cleared. */
  at: number;
}

/** A stream relay's spool: parts are appended whole and marked, so a later run goes on after the last mark. */
export interface ResumableWriter extends SpoolWriter {
  /** Parts stored so far (from an earlier run, then this one). */
  readonly kept: { parts: number; bytes: number };
  /** Everything written so far is `parts` whole parts: keep it across a restart. */
  mark(parts: number): Promise<void>;
  /** Close, keeping the file and its mark for the next run (a retryable failure, or the document going away). */
  keep(): Promise<void>;
}

export interface Spool {
  create(id: string): Promise<SpoolWriter>;
  /** Where the spool can keep files across runs: what an earlier run of `id` from `source` marked, opened to go on. */
  resume?(id: string, source: string): Promise<ResumableWriter | undefined>;
  /** Remove leftovers of relays a closed document never finished; marked stream spools younger than `keepMarkedMs` stay. */
  clear(keepMarkedMs?: number): Promise<void>;
}

/** A marked stream spool untouched for this long is a relay nobody will resume. */
export const markedSpoolLifeMs = 7 * 24 * 3600_000;

export const markName = (name: string) => `${name}.mark`;

/** A mark as stored, or undefined for one unreadable or for another source. */
export function readMark(text: string | undefined, source: string): SpoolMark | undefined {
  if (!text) return undefined;
  try {
    const mark = JSON.parse(text) as Partial<SpoolMark>;
    const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    if (mark.source !== source || !whole(mark.parts) || !whole(mark.bytes) || !whole(mark.at)) return undefined;
    return mark as SpoolMark;
  } catch {
    return undefined;
  }
}

export const folder = 'relay-spool';
export const fileName = (id: string) => id.replace(/[^\w-]/g, '_');

type Listable = FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };

/** Empty the spool folder but for stream spools marked within `keepMarkedMs` (and their marks). */
export async function clearSpoolFolder(storage: StorageManager, keepMarkedMs = 0, now = Date.now()): Promise<void> {
  const root = await storage.getDirectory();
  if (!keepMarkedMs) {
    await root.removeEntry(folder, { recursive: true }).catch(() => undefined);
    return;
  }
  try {
    const dir = (await root.getDirectoryHandle(folder, { create: true })) as Listable;
    const names: string[] = [];
    for await (const name of dir.keys()) names.push(name);
    const keep = new Set<string>();
    for (const name of names.filter((n) => n.endsWith('.mark'))) {
      const data = name.slice(0, -'.mark'.length);
      const text = await (await dir.getFileHandle(name))
        .getFile()
        .then((file) => file.text())
        .catch(() => '');
      const at = Number((/"at":(\d+)/.exec(text) ?? [])[1]);
      if (names.includes(data) && now - at < keepMarkedMs) keep.add(name).add(data);
    }
    for (const name of names) if (!keep.has(name)) await dir.removeEntry(name).catch(() => undefined);
  } catch {
    // A spool that cannot be listed is left: a relay that needs the space reports it.
  }
}

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
    clear: (keepMarkedMs) => clearSpoolFolder(storage, keepMarkedMs),
  };
}

export function memorySpool(): Spool {
  // Kept stream spools by id: a new uploader given this spool (a test's "restart") resumes them.
  const kept = new Map<string, { source: string; chunks: Uint8Array[]; parts: number; bytes: number }>();
  return {
    async resume(id, source) {
      const before = kept.get(id);
      kept.delete(id);
      const start = before?.source === source ? before : { source, chunks: [], parts: 0, bytes: 0 };
      let chunks = [...start.chunks];
      let bytes = start.bytes;
      let mark = { chunks: chunks.length, parts: start.parts, bytes };
      return {
        kept: { parts: start.parts, bytes: start.bytes },
        write: async (chunk) => {
          chunks.push(chunk.slice());
          bytes += chunk.byteLength;
          return undefined;
        },
        async mark(parts) {
          mark = { chunks: chunks.length, parts, bytes };
        },
        async keep() {
          // As after a crash: what was written after the last mark is not kept.
          kept.set(id, { source, chunks: chunks.slice(0, mark.chunks), parts: mark.parts, bytes: mark.bytes });
        },
        finish: async (type) => new File(chunks as BlobPart[], id, { type }),
        discard: async () => {
          chunks = [];
          kept.delete(id);
        },
      };
    },
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
