// Messages between the document (spool-client.ts) and the spool worker (spool-worker.ts).

export type SpoolRequest =
  | { seq: number; op: 'open'; folder: string; name: string }
  /** `buffer` is transferred to the worker and comes back in the reply. */
  | { seq: number; op: 'write'; name: string; buffer: ArrayBuffer; offset: number; length: number }
  | { seq: number; op: 'close'; name: string };

export type SpoolReply = { seq: number; ok: true; buffer?: ArrayBuffer } | { seq: number; ok: false; message: string };
