import type { UploadJobRef } from '../../protocol/uploader';
import { byobReader } from './body-reader';
import type { ReportProgress } from './progress-reporter';
import { relayCapOf, tooLarge } from './relay-cap';
import type { Spool, SpoolWriter } from './spool';
import { type Task, watchEveryMs } from './task';
import { Cancelled, hostOf, sourceFailure, UploadFailure } from './upload-failure';

// A relay's download phase for a plain video URL: the source is streamed into
// the spool (memory stays flat with the OPFS spool), watched for stalls and
// trickles, and held to the relay's size cap whatever its headers say.

export interface SourceDownloadDeps {
  fetch: typeof fetch;
  spool: Spool;
  now(): number;
  /** Abort a download that brought no byte for this long. */
  stallMs: number;
  /** It must bring at least this many bytes in every `stallMs` (one byte a minute would beat a plain stall check). */
  minBytesPerStall: number;
  report: ReportProgress;
}

/** Bytes read from the source at a time. */
const chunkBytes = 1024 * 1024;

/** A reader that fills the caller's buffer when the body allows it (fetch bodies do), else a plain one. */
function readerOf(body: ReadableStream<Uint8Array>): { byob?: ReadableStreamBYOBReader; plain?: ReadableStreamDefaultReader<Uint8Array> } {
  const byob = byobReader(body);
  return byob ? { byob } : { plain: body.getReader() };
}

/** The file name a URL's last path segment gives, else a plain one. */
export function nameFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : 'video.mp4';
  } catch {
    return 'video.mp4';
  }
}

/** The spooled source as a File; `keep` gets the spool's writer as soon as it exists (the caller discards it). */
export async function downloadSource(job: UploadJobRef, task: Task, keep: (writer: SpoolWriter) => void, deps: SourceDownloadDeps): Promise<File> {
  const { now, stallMs, minBytesPerStall, report } = deps;
  const url = job.url!;
  const controller = new AbortController();
  let stalled = false;
  task.abort = () => controller.abort();
  let lastByte = now();
  // Bytes counted per window of stallMs: a trickle is a stall too.
  let loaded = 0;
  let windowStart = now();
  let windowBytes = 0;
  const watchdog = setInterval(() => {
    const at = now();
    if (at - lastByte > stallMs) {
      stalled = true;
      controller.abort();
    } else if (at - windowStart >= stallMs) {
      if (loaded - windowBytes < minBytesPerStall) {
        stalled = true;
        controller.abort();
      }
      windowStart = at;
      windowBytes = loaded;
    }
  }, watchEveryMs(stallMs));
  const writer = await deps.spool.create(job.id);
  keep(writer);
  try {
    let response: Response;
    try {
      response = await deps.fetch(url, { credentials: 'include', signal: controller.signal });
    } catch {
      if (task.cancelled) throw new Cancelled();
      throw new UploadFailure(
        stalled ? 'timeout' : 'network',
        `Could not download the video from ${hostOf(url)}${stalled ? ': it stopped answering' : ''}. VidRelay tries again later.`,
      );
    }
    if (!response.ok) throw sourceFailure(response.status, url);
    const told = Number(response.headers.get('content-length') ?? '');
    const total = job.bytesTotal ?? (Number.isFinite(told) && told > 0 ? told : 0);
    const cap = relayCapOf(job.bytesTotal);
    if (Number.isFinite(told) && told > cap) {
      controller.abort();
      throw tooLarge(url, told, job.bytesTotal);
    }
    const body = readerOf(response.body!);
    // Read into one buffer over and over (the spool lends it back): a fresh
    // buffer per chunk left hundreds of MB for the garbage collector.
    let buffer = new ArrayBuffer(chunkBytes);
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = body.byob ? await body.byob.read(new Uint8Array(buffer)) : await body.plain!.read();
      } catch {
        if (task.cancelled) throw new Cancelled();
        throw new UploadFailure(
          stalled ? 'timeout' : 'network',
          stalled
            ? `The download from ${hostOf(url)} became too slow to finish (under ${Math.round(minBytesPerStall / 1024)} KB in ${Math.round(stallMs / 1000)} s, after ${loaded} bytes). VidRelay tries again later.`
            : `The download from ${hostOf(url)} broke off after ${loaded} bytes. VidRelay tries again later.`,
        );
      }
      if (chunk.done || !chunk.value) break;
      lastByte = now();
      const size = chunk.value.byteLength;
      if (loaded + size > cap) {
        controller.abort();
        throw tooLarge(url, loaded + size, job.bytesTotal);
      }
      const lent = chunk.value.buffer as ArrayBuffer;
      const returned = await writer.write(chunk.value);
      if (body.byob) buffer = returned ?? lent;
      loaded += size;
      report(loaded, Math.max(total, loaded));
    }
    if (total && loaded < total) {
      throw new UploadFailure('network', `The download from ${hostOf(url)} ended early (${loaded} of ${total} bytes). VidRelay tries again later.`);
    }
    report(loaded, loaded, true);
    const type = response.headers.get('content-type')?.split(';')[0] || 'video/mp4';
    return await writer.finish(type);
  } catch (error) {
    await writer.discard();
    throw error;
  } finally {
    clearInterval(watchdog);
  }
}
