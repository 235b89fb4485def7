import type { Reply, RequestOf, ResponseMap } from '../../messaging';
import type { UploaderReportResponses } from '../../protocol/uploader-reports';
import type { AliveReply, NeededReply, StartReply, TargetReply, UploadJobRef, UploadTargetWire } from '../../protocol/uploader';
import { memorySpool, type ResumableWriter, type Spool, type SpoolWriter } from './spool';
import { createStreamRelay } from './stream-relay';
import { relayCapOf, tooLarge } from './relay-cap';
import { Cancelled, hostOf, retryableCodes, serialize, sourceFailure, UploadFailure } from './upload-failure';

// The uploader: holds the user's Files by job id (references, never copies),
// posts them with XHR so upload progress is visible, and reports back to the
// background. It runs in Chrome's offscreen document or, in Firefox, in the
// background event page, so the manager tab may close either way. It never sees a key
// except inside the upload target the background hands to it for one POST.

type ReportType = keyof UploaderReportResponses;

export interface UploaderDeps {
  /** A report to the background (runtime.sendMessage of its envelope); its reply, if any. */
  send<T extends ReportType>(type: T, payload: RequestOf<T>): Promise<Reply<ResponseMap[T]> | undefined>;
  createXhr?(): XMLHttpRequest;
  fetch?: typeof fetch;
  spool?: Spool;
  /** Least gap between progress reports. */
  progressEveryMs?: number;
  /** Abort a transfer that moved no byte for this long. */
  stallMs?: number;
  /** How long the host may take to answer once every byte was sent. */
  replyWaitMs?: number;
  /** A relay's source must bring at least this many bytes in every `stallMs` (one byte a minute would beat a plain stall check). */
  minBytesPerStall?: number;
  /** Gap between attempts to deliver a result while the background restarts. */
  deliveryRetryMs?: number;
  deliveryAttempts?: number;
  now?(): number;
}

export interface Uploader {
  hold(jobId: string, file: File, snapshot?: File): void;
  holds(jobId: string): boolean;
  // The commands (lib/protocol/uploader.ts). undefined: this uploader has
  // nothing to say, so it must not answer (another uploader, e.g. a second
  // manager tab, may hold the job).
  start(job: UploadJobRef): StartReply | undefined;
  alive(jobIds: string[]): AliveReply | undefined;
  cancel(jobId: string): undefined;
  /** Drop Files the queue no longer needs; report idle when nothing is left. */
  sweep(): Promise<void>;
  busy(): boolean;
}

interface Held {
  file: File;
  snapshot?: File;
}

interface Task {
  cancelled: boolean;
  bodySent: boolean;
  abort(): void;
}

/** Bytes read from a relay's source at a time. */
const chunkBytes = 1024 * 1024;

/** A host's reply to the upload POST is a short JSON or HTML page; one larger than this is not read. */
export const uploadReplyCapBytes = 1024 * 1024;

/** A reader that fills the caller's buffer when the body allows it (fetch bodies do), else a plain one. */
function readerOf(body: ReadableStream<Uint8Array>): { byob?: ReadableStreamBYOBReader; plain?: ReadableStreamDefaultReader<Uint8Array> } {
  try {
    return { byob: body.getReader({ mode: 'byob' }) };
  } catch {
    return { plain: body.getReader() };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function nameFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : 'video.mp4';
  } catch {
    return 'video.mp4';
  }
}

export function createUploader(deps: UploaderDeps): Uploader {
  const files = new Map<string, Held>();
  const active = new Map<string, Task>();
  const createXhr = deps.createXhr ?? (() => new XMLHttpRequest());
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const spool = deps.spool ?? memorySpool();
  // Each report is a job write in the background, a badge update and a page refresh: twice a second is enough to watch.
  const progressEveryMs = deps.progressEveryMs ?? 500;
  const stallMs = deps.stallMs ?? 60_000;
  const replyWaitMs = deps.replyWaitMs ?? 10 * 60_000;
  const minBytesPerStall = deps.minBytesPerStall ?? 64 * 1024;
  const deliveryRetryMs = deps.deliveryRetryMs ?? 1000;
  const deliveryAttempts = deps.deliveryAttempts ?? 60;
  const now = deps.now ?? Date.now;

  /** Results must reach the background even while its worker restarts: try until it answers. */
  async function deliver<T extends ReportType>(type: T, payload: RequestOf<T>): Promise<ResponseMap[T] | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = await deps.send(type, payload);
        // A refusal (sender or payload) will not change on a second try.
        if (reply) return reply.ok ? reply.data : undefined;
      } catch {
        // No receiver yet (the worker is starting): wait and send again.
      }
      if (attempt >= deliveryAttempts) return undefined;
      await sleep(deliveryRetryMs);
    }
  }

  function progressReporter(jobId: string, phase?: 'download' | 'upload') {
    let last = -Infinity;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const send = (sent: number, total: number) => {
      last = now();
      // Progress is advisory: a lost report is replaced by the next one.
      deps.send('uploaderReport.progress', { jobId, sent, total, ...(phase ? { phase } : {}) }).catch(() => undefined);
    };
    return (sent: number, total: number, force = false) => {
      clearTimeout(trailing);
      trailing = undefined;
      if (force || now() - last >= progressEveryMs) send(sent, total);
      // A held-back report goes once the gap is over: a transfer that pauses (a stream waiting on a slow segment) shows where it is.
      else trailing = setTimeout(() => send(sent, total), progressEveryMs);
    };
  }

  /** Stream the source into the spool; memory stays flat with the OPFS spool. */
  async function download(job: UploadJobRef, task: Task, keep: (writer: SpoolWriter) => void): Promise<File> {
    const url = job.url!;
    const controller = new AbortController();
    let stalled = false;
    task.abort = () => controller.abort();
    let lastByte = now();
    // Bytes counted per window of stallMs: a trickle is a stall too.
    let loaded = 0;
    let windowStart = now();
    let windowBytes = 0;
    const watchdog = setInterval(
      () => {
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
      },
      Math.max(50, Math.min(stallMs / 4, 5000)),
    );
    const writer = await spool.create(job.id);
    keep(writer);
    try {
      let response: Response;
      try {
        response = await doFetch(url, { credentials: 'include', signal: controller.signal });
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
      const report = progressReporter(job.id, 'download');
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

  function post(jobId: string, target: UploadTargetWire, file: File, name: string, snapshot: File | undefined, task: Task) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const xhr = createXhr();
      const form = new FormData();
      for (const [field, value] of Object.entries(target.fields)) form.append(field, value);
      if (snapshot) form.append('snapshot', snapshot, snapshot.name);
      form.append(target.fileField, file, name);
      const report = progressReporter(jobId, 'upload');
      const where = hostOf(target.url);
      let lastByte = now();
      let why: 'cancel' | 'stall' | 'reply' | undefined;
      const watchdog = setInterval(
        () => {
          const limit = task.bodySent ? replyWaitMs : stallMs;
          if (now() - lastByte > limit) {
            why = 'stall';
            xhr.abort();
          }
        },
        Math.max(50, Math.min(stallMs / 4, 5000)),
      );
      const finish = () => clearInterval(watchdog);
      task.abort = () => {
        why = 'cancel';
        xhr.abort();
      };
      // The multipart overhead is counted in e.total; scale back to the file's own bytes.
      xhr.upload.onprogress = (e) => {
        lastByte = now();
        const total = e.lengthComputable && e.total > 0 ? e.total : file.size;
        report(Math.min(file.size, Math.round((e.loaded / total) * file.size)), file.size);
      };
      xhr.upload.onload = () => {
        task.bodySent = true;
        lastByte = now();
        report(file.size, file.size, true);
      };
      // The reply is a short page: one that keeps coming is not read to its end.
      xhr.onprogress = (e) => {
        if (e.loaded > uploadReplyCapBytes) {
          why = 'reply';
          xhr.abort();
        }
      };
      xhr.onload = () => {
        finish();
        // The form (and the key in it) must not have gone anywhere but the server the background named.
        if (xhr.responseURL && xhr.responseURL !== new URL(target.url).href) {
          reject(
            new UploadFailure(
              'invalid_response',
              `${where} sent the upload on to ${hostOf(xhr.responseURL)}. VidRelay does not send files where the host redirects them; check on ${where} whether the file arrived.`,
            ),
          );
          return;
        }
        resolve({ status: xhr.status, body: typeof xhr.responseText === 'string' ? xhr.responseText : '' });
      };
      xhr.onerror = () => {
        finish();
        reject(new UploadFailure('network', `The connection to ${where} dropped during the upload. VidRelay checks the host and tries again.`));
      };
      xhr.onabort = () => {
        finish();
        if (why === 'cancel') reject(new Cancelled());
        else if (why === 'reply')
          reject(
            new UploadFailure(
              'invalid_response',
              `${where} answered the upload with more than ${uploadReplyCapBytes / 1024 / 1024} MB; VidRelay stopped reading it. Check on ${where} whether the file arrived.`,
            ),
          );
        else
          reject(
            new UploadFailure(
              'timeout',
              task.bodySent
                ? `${where} took too long to answer after the upload. VidRelay checks the host before sending again.`
                : `The upload to ${where} stalled: no data moved for ${Math.round(stallMs / 1000)} s. VidRelay tries again later.`,
            ),
          );
      };
      xhr.open('POST', target.url);
      xhr.send(form);
    });
  }

  async function requestTarget(jobId: string): Promise<TargetReply | undefined> {
    return deliver('uploaderReport.target', { jobId });
  }

  /** A stream relay's download phase (stream-relay.ts); its spool is kept for the retry where `resumable`. */
  function downloadStream(job: UploadJobRef, task: Task, keep: (writer: SpoolWriter, resumable: boolean) => void) {
    const controller = new AbortController();
    task.abort = () => controller.abort();
    const relay = createStreamRelay({
      fetch: doFetch,
      spool,
      now,
      stallMs,
      report: progressReporter(job.id, 'download'),
      missingOrigins: async (origins) => (await deliver('uploaderReport.origins', { jobId: job.id, origins }))?.missing ?? origins,
    });
    return relay.download(job, controller.signal, keep);
  }

  async function run(job: UploadJobRef, task: Task): Promise<void> {
    let spooled: SpoolWriter | undefined;
    let resumable = false;
    let keepSpool = false;
    let file: File | undefined;
    try {
      let name: string;
      let snapshot: File | undefined;
      if (job.kind === 'relay' && job.stream === 'hls') {
        ({ file, name } = await downloadStream(job, task, (writer, canResume) => {
          spooled = writer;
          resumable = canResume;
        }));
      } else if (job.kind === 'relay') {
        file = await download(job, task, (writer) => (spooled = writer));
        name = job.name || nameFromUrl(job.url ?? '');
      } else {
        const held = files.get(job.id);
        if (!held) throw new UploadFailure('invalid_input', 'The file is no longer open in the browser: choose the file again.');
        file = held.file;
        snapshot = held.snapshot;
        name = held.file.name;
      }
      if (task.cancelled) throw new Cancelled();
      const reply = await requestTarget(job.id);
      // The background refused (and recorded why), or cannot be reached at all.
      if (!reply) throw new UploadFailure('network', 'The extension background did not answer. VidRelay tries again later.');
      if (!reply.ok) return;
      if (task.cancelled) throw new Cancelled();
      const result = await post(job.id, reply.target, file, name, snapshot, task);
      await deliver('uploaderReport.done', { jobId: job.id, status: result.status, body: result.body });
    } catch (error) {
      if (error instanceof Cancelled || task.cancelled) return;
      // The retry of a stream relay goes on from what is spooled; a failure no retry mends drops it.
      keepSpool = resumable && error instanceof UploadFailure && retryableCodes.has(error.code);
      await deliver('uploaderReport.error', { jobId: job.id, error: serialize(error), bodySent: task.bodySent });
    } finally {
      active.delete(job.id);
      if (keepSpool) await (spooled as ResumableWriter).keep().catch(() => undefined);
      else await spooled?.discard().catch(() => undefined);
    }
  }

  function start(job: UploadJobRef): StartReply | undefined {
    if (active.has(job.id)) return { accepted: true };
    if (job.kind === 'file' && !files.has(job.id)) return undefined;
    if (job.kind === 'relay' && !job.url) return { accepted: false };
    const task: Task = { cancelled: false, bodySent: false, abort: () => undefined };
    active.set(job.id, task);
    void run(job, task);
    return { accepted: true };
  }

  async function sweep(): Promise<void> {
    const idle = [...files.keys()].filter((id) => !active.has(id));
    if (idle.length) {
      const reply: NeededReply | undefined = await deliver('uploaderReport.needed', { jobIds: idle });
      if (reply) {
        const needed = new Set(reply.needed);
        for (const id of idle) if (!needed.has(id) && !active.has(id)) files.delete(id);
      }
    }
    if (!files.size && !active.size) await deps.send('uploaderReport.idle', {}).catch(() => undefined);
  }

  return {
    hold(jobId, file, snapshot) {
      files.set(jobId, { file, snapshot });
    },
    holds: (jobId) => files.has(jobId),
    busy: () => files.size > 0 || active.size > 0,
    sweep,
    start,
    alive(jobIds) {
      const running = jobIds.filter((id) => active.has(id));
      const held = jobIds.filter((id) => !active.has(id) && files.has(id));
      return running.length || held.length ? { running, held } : undefined;
    },
    cancel(jobId) {
      const task = active.get(jobId);
      if (task) {
        task.cancelled = true;
        task.abort();
      }
      return undefined;
    },
  };
}
