// Messages between the document (spool-client.ts) and the spool worker (spool-worker.ts).

export type SpoolRequest =
  /** `keep`: go on after this many bytes of the file already there (a stream relay's last mark) instead of emptying it. */
  | { seq: number; op: 'open'; folder: string; name: string; keep?: number }
  /** Flush the file, then store `text` as its mark (`<name>.mark`). */
  | { seq: number; op: 'mark'; folder: string; name: string; text: string }
  /** `buffer` is transferred to the worker and comes back in the reply. */
  | { seq: number; op: 'write'; name: string; buffer: ArrayBuffer; offset: number; length: number }
  | { seq: number; op: 'close'; name: string };

export type SpoolReply = { seq: number; ok: true; buffer?: ArrayBuffer } | { seq: number; ok: false; message: string };
