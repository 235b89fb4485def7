import type { Reply, RequestOf, ResponseMap } from '../../messaging';
import type { UploaderReportResponses } from '../../protocol/uploader-reports';
import type { AliveReply, NeededReply, StartReply, TargetReply, UploadJobRef } from '../../protocol/uploader';
import { postForm } from './form-post';
import { progressReporter } from './progress-reporter';
import { downloadSource, nameFromUrl } from './source-download';
import { memorySpool, type ResumableWriter, type Spool, type SpoolWriter } from './spool';
import { createStreamRelay } from './stream-relay';
import type { Task } from './task';
import { Cancelled, retryableCodes, serialize, UploadFailure } from './upload-failure';

// The uploader: holds the user's Files by job id (references, never copies),
// runs each job's transfer (a relay's download, source-download.ts or
// stream-relay.ts, then the POST, form-post.ts) and reports back to the
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

  const reporter = (jobId: string, phase: 'download' | 'upload') =>
    progressReporter(
      // Progress is advisory: a lost report is replaced by the next one.
      (sent, total) => void deps.send('uploaderReport.progress', { jobId, sent, total, phase }).catch(() => undefined),
      progressEveryMs,
      now,
    );

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
      report: reporter(job.id, 'download'),
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
        file = await downloadSource(job, task, (writer) => (spooled = writer), {
          fetch: doFetch,
          spool,
          now,
          stallMs,
          minBytesPerStall,
          report: reporter(job.id, 'download'),
        });
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
      const result = await postForm(reply.target, { file, name, snapshot }, task, { createXhr, now, stallMs, replyWaitMs, report: reporter(job.id, 'upload') });
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
