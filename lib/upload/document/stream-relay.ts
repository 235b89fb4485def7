import { type ByteRange, playlistLimits, readPlaylist, segmentIv, type StreamPlan, type StreamRefusal, type StreamSegment } from '../../media/hls';
import type { UploadJobRef } from '../../protocol/uploader';
import { byobReader } from './body-reader';
import { streamCapOf, streamTooLarge } from './stream-cap';
import { watchEveryMs } from './task';
import type { ResumableWriter, Spool, SpoolWriter } from './spool';
import { Cancelled, hostOf, retryableCodes, sourceFailure, UploadFailure } from './upload-failure';

// A stream relay's download phase: the media playlist is read (and refused,
// with its reason, before any segment is fetched, where it cannot become one
// file), then its parts (fMP4's init segment, the segments) are fetched a few
// at a time, each retried on its own, decrypted where the playlist says
// AES-128, and appended in order to the spool. After each part the spool is
// marked, so a run cut by a restart goes on from the next part and fetches
// none twice. A part is held in memory only while fetched (a few MB each).

export interface StreamRelayDeps {
  fetch: typeof fetch;
  spool: Spool;
  now(): number;
  /** A part that sends no byte for this long is fetched again. */
  stallMs: number;
  /** Download progress: bytes spooled of the estimate (or of what is known by then). */
  report(sent: number, total: number, force?: boolean): void;
  /** Of these origins, those VidRelay may not download from (the background holds the permissions). */
  missingOrigins?(origins: string[]): Promise<string[]>;
  /** Parts fetched at once. */
  parallel?: number;
  /** Attempts per part (a network error, a stall, 5xx or 429) before the relay fails. */
  attempts?: number;
  retryMs?: number;
}

export interface StreamDownload {
  file: File;
  name: string;
}

/** The refusal's message key (translated by the background: the uploader document has no i18n API in Chrome). */
const streamRefusalKey = (reason: StreamRefusal) => `streamRefused_${reason}` as const;

function refused(reason: StreamRefusal): UploadFailure {
  return new UploadFailure('unsupported', streamRefusalKey(reason));
}

interface Part {
  url: string;
  range?: ByteRange;
  segment?: StreamSegment;
}

function partsOf(plan: StreamPlan): Part[] {
  const parts: Part[] = plan.init ? [{ url: plan.init.url, ...(plan.init.range ? { range: plan.init.range } : {}) }] : [];
  for (const segment of plan.segments) parts.push({ url: segment.url, ...(segment.range ? { range: segment.range } : {}), segment });
  return parts;
}

/** The file's name: the title (or the playlist's name) with the container's extension. */
export function streamFileName(title: string | undefined, url: string, container: StreamPlan['container']): string {
  const ext = container === 'fmp4' ? '.mp4' : '.ts';
  let base = title?.trim() ?? '';
  if (!base) {
    try {
      base = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-2) ?? '') || 'video';
    } catch {
      base = 'video';
    }
  }
  return `${base.replace(/\.(m3u8?|ts|mp4|m4s)$/i, '')}${ext}`;
}

const streamContentType = (container: StreamPlan['container']) => (container === 'fmp4' ? 'video/mp4' : 'video/mp2t');

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** Buffers parts are read into, handed back once the spool wrote them (or lent them back from its worker). */
function bufferPool(keep: number) {
  const free: ArrayBuffer[] = [];
  return {
    take(bytes: number): ArrayBuffer {
      const index = free.findIndex((buffer) => buffer.byteLength >= bytes);
      return index >= 0 ? free.splice(index, 1)[0]! : new ArrayBuffer(bytes);
    },
    give(buffer: ArrayBuffer | undefined): void {
      if (buffer && buffer.byteLength > 0 && free.length < keep) free.push(buffer);
    },
  };
}

const retryable = (error: unknown) => error instanceof UploadFailure && retryableCodes.has(error.code);

export function createStreamRelay(deps: StreamRelayDeps) {
  const parallel = deps.parallel ?? 4;
  const attempts = deps.attempts ?? 4;
  const retryMs = deps.retryMs ?? 1000;
  const pool = bufferPool(parallel + 2);

  /** One GET read whole; a stall (no byte for stallMs) aborts it. `limit` bounds what is read. */
  async function fetchBytes(url: string, signal: AbortSignal, limit: number, range?: ByteRange): Promise<Uint8Array> {
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    let stalled = false;
    let last = deps.now();
    const watchdog = setInterval(() => {
      if (deps.now() - last > deps.stallMs) {
        stalled = true;
        controller.abort();
      }
    }, watchEveryMs(deps.stallMs));
    const broke = () => {
      if (signal.aborted) return new Cancelled();
      return new UploadFailure(stalled ? 'timeout' : 'network', `The download from ${hostOf(url)} ${stalled ? 'stopped answering' : 'broke off'}.`);
    };
    try {
      let response: Response;
      try {
        const headers: Record<string, string> = range ? { Range: `bytes=${range.offset}-${range.offset + range.length - 1}` } : {};
        response = await deps.fetch(url, { credentials: 'include', signal: controller.signal, headers });
      } catch {
        throw broke();
      }
      if (!response.ok) throw sourceFailure(response.status, url);
      const told = Number(response.headers.get('content-length') ?? '');
      if (Number.isFinite(told) && told > limit) throw new UploadFailure('upload_rejected', `${hostOf(url)} sent a part larger than the stream can hold.`);
      // Read into a pooled buffer (BYOB where the body allows): a fresh buffer per chunk and per
      // part left the garbage collector hundreds of MB behind on a long stream.
      let buffer = pool.take(Number.isFinite(told) && told > 0 ? told : 1024 * 1024);
      const byob = byobReader(response.body!);
      const plain = byob ? undefined : response.body!.getReader();
      let size = 0;
      for (;;) {
        if (size === buffer.byteLength) {
          const grown = new ArrayBuffer(buffer.byteLength * 2);
          new Uint8Array(grown).set(new Uint8Array(buffer));
          buffer = grown;
        }
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = byob ? await byob.read(new Uint8Array(buffer, size, buffer.byteLength - size)) : await plain!.read();
        } catch {
          throw broke();
        }
        if (byob && chunk.value) buffer = chunk.value.buffer as ArrayBuffer;
        if (chunk.done || !chunk.value) break;
        last = deps.now();
        const length = chunk.value.byteLength;
        if (size + length > limit) {
          controller.abort();
          throw new UploadFailure('upload_rejected', `${hostOf(url)} sent a part larger than the stream can hold.`);
        }
        if (!byob) {
          while (size + length > buffer.byteLength) {
            const grown = new ArrayBuffer(buffer.byteLength * 2);
            new Uint8Array(grown).set(new Uint8Array(buffer, 0, size));
            buffer = grown;
          }
          new Uint8Array(buffer).set(chunk.value, size);
        }
        size += length;
      }
      return new Uint8Array(buffer, 0, size);
    } finally {
      clearInterval(watchdog);
      signal.removeEventListener('abort', stop);
    }
  }

  /** `fetchBytes` tried again after a retryable failure, up to `attempts` times. */
  async function fetchRetried(url: string, signal: AbortSignal, limit: number, range?: ByteRange): Promise<Uint8Array> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetchBytes(url, signal, limit, range);
      } catch (error) {
        if (signal.aborted) throw new Cancelled();
        if (!retryable(error) || attempt >= attempts) throw error;
        await sleep(retryMs * attempt, signal);
      }
    }
  }

  async function readPlan(job: UploadJobRef, signal: AbortSignal): Promise<StreamPlan> {
    const url = job.url!;
    const bytes = await fetchRetried(url, signal, playlistLimits.textBytes);
    const reading = readPlaylist(new TextDecoder().decode(bytes), url);
    // The job names a media playlist (the picker chose the variant); a master here is no file to join,
    // and where its variants were refused (audio apart, DRM) that is the reason to give.
    if (reading.kind === 'master') throw refused(reading.variants.find((v) => v.refused)?.refused ?? 'not_playlist');
    if (reading.kind === 'refused') throw refused(reading.reason);
    return reading;
  }

  /** The same site rule as every relay's source, for each origin the playlist sends the relay to, before any of them is fetched. */
  async function checkOrigins(playlist: string, plan: StreamPlan): Promise<void> {
    if (!deps.missingOrigins) return;
    const urls = [playlist, ...(plan.init ? [plan.init.url] : []), ...plan.segments.flatMap((s) => (s.key ? [s.url, s.key.url] : [s.url]))];
    const origins = [...new Set(urls.map((url) => new URL(url).origin))].slice(0, 50);
    const missing = await deps.missingOrigins(origins);
    if (missing.length) {
      const hosts = missing.map((origin) => new URL(origin).host).join(', ');
      throw new UploadFailure(
        'permission',
        `VidRelay may not download from ${hosts}, where this stream's parts are. Allow access to it and send the stream again.`,
      );
    }
  }

  async function download(job: UploadJobRef, cancel: AbortSignal, keepWriter: (writer: SpoolWriter, resumable: boolean) => void): Promise<StreamDownload> {
    const stopAhead = new AbortController();
    const signal = AbortSignal.any([cancel, stopAhead.signal]);
    const plan = await readPlan(job, signal);
    await checkOrigins(job.url!, plan);
    const cap = streamCapOf(job.bytesTotal);
    // A spool that cannot keep files across runs (the memory or stream-writer fallbacks) starts over each run.
    const resumable: ResumableWriter | undefined = await deps.spool.resume?.(job.id, job.url!);
    const writer: SpoolWriter = resumable ?? (await deps.spool.create(job.id));
    keepWriter(writer, !!resumable);
    const parts = partsOf(plan);
    const first = Math.min(resumable?.kept.parts ?? 0, parts.length);
    let spooled = first > 0 ? resumable!.kept.bytes : 0;
    const total = () => Math.max(job.bytesTotal ?? 0, spooled);
    deps.report(spooled, total(), true);

    const keys = new Map<string, Promise<CryptoKey>>();
    const keyOf = (url: string) => {
      let key = keys.get(url);
      if (!key) {
        key = fetchRetried(url, signal, 1024).then((raw) => {
          if (raw.byteLength !== 16) throw new UploadFailure('invalid_response', `${hostOf(url)} sent a stream key that is not an AES-128 key.`);
          return crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-CBC', false, ['decrypt']);
        });
        keys.set(url, key);
      }
      return key;
    };
    const fetchPart = async (part: Part): Promise<Uint8Array> => {
      const raw = await fetchRetried(part.url, signal, cap, part.range);
      const key = part.segment?.key;
      if (!key || !part.segment) return raw;
      try {
        const iv = segmentIv(part.segment) as Uint8Array<ArrayBuffer>;
        const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, await keyOf(key.url), raw as Uint8Array<ArrayBuffer>));
        pool.give(raw.buffer as ArrayBuffer);
        return plain;
      } catch (error) {
        if (error instanceof UploadFailure || error instanceof Cancelled) throw error;
        throw new UploadFailure('invalid_response', `A segment from ${hostOf(part.url)} could not be decrypted with the key its playlist names.`);
      }
    };

    // A window of `parallel` fetches ahead; parts are written strictly in order.
    const pending = new Map<number, Promise<Uint8Array>>();
    let next = first;
    const fill = () => {
      while (next < parts.length && pending.size < parallel) {
        const index = next++;
        const promise = fetchPart(parts[index]!);
        // Settled later by the loop below; an early failure must not be an unhandled rejection meanwhile.
        promise.catch(() => undefined);
        pending.set(index, promise);
      }
    };
    try {
      for (let index = first; index < parts.length; index++) {
        fill();
        const bytes = await pending.get(index)!;
        pending.delete(index);
        if (cancel.aborted) throw new Cancelled();
        if (spooled + bytes.byteLength > cap) throw streamTooLarge(job.url!, spooled + bytes.byteLength, job.bytesTotal);
        const size = bytes.byteLength;
        // The spool's worker takes the buffer and lends it back; the memory spool copies and leaves it.
        pool.give((await writer.write(bytes)) ?? (bytes.buffer as ArrayBuffer));
        spooled += size;
        await resumable?.mark(index + 1);
        deps.report(spooled, total());
      }
    } finally {
      // A failed part stops the ones fetched ahead of it.
      stopAhead.abort();
    }
    deps.report(spooled, spooled, true);
    const file = await writer.finish(streamContentType(plan.container));
    return { file, name: streamFileName(job.name, job.url!, plan.container) };
  }

  return { download };
}
