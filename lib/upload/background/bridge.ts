import { errorCodes, AppError, toSerializedError, type ErrorCode, type SerializedError } from '../../errors';
import type { HostClient } from '../../hosts/types';
import type { Job, UploadJob } from '../../queue/model/job';
import type { QueueRunner } from '../../queue/runner';
import type { JobStore } from '../../queue/store';
import type { z } from '../../zod';
import type { Reply } from '../../protocol/route';
import type { SenderLike } from '../../protocol/senders';
import type { uploaderReportRequests, UploaderReportResponses } from '../../protocol/uploader-reports';
import type { TargetReply, UploaderCommandReplies, UploaderCommands, UploaderCommandType, UploadJobRef } from '../../protocol/uploader';
import type { OffscreenManager } from './offscreen';
import { readUploadReply } from './reply';
import { scrubberFor } from '../../scrub';
import { t, type MessageKey } from '../../i18n';

// The background's side of the uploader: what the queue runner calls to start,
// check and cancel uploads, and the handlers of the uploader's reports (the
// router lets only the uploader document send those). The upload target (it
// holds the key) is only ever a reply to the uploader that asked, and only
// while that job is being sent.

export interface UploadBridgeDeps {
  store: Pick<JobStore, 'get' | 'getMany' | 'active'>;
  runner: Pick<QueueRunner, 'report' | 'uploadDone' | 'uploadFailed'>;
  clientFor(accountId: string): Promise<HostClient>;
  /** The account's key and login: masked in everything the host or the uploader says before the queue sees it. */
  secretsOf(accountId: string): Promise<string[]>;
  /** Throws unless the account's key may go to this upload server (lib/accounts/sites.ts). */
  checkUploadSite(accountId: string, url: string): Promise<void>;
  offscreen: OffscreenManager;
  /** Whether VidRelay may download from this origin (the host permission every relay's source needs). */
  mayDownload?(origin: string): Promise<boolean>;
  /** runtime.sendMessage of a command envelope: reaches the uploader document(s). */
  broadcast<T extends UploaderCommandType>(type: T, payload: UploaderCommands[T]): Promise<Reply<UploaderCommandReplies[T]> | undefined>;
  now?(): number;
}

export type UploaderSender = SenderLike;

type Parsed<T extends keyof typeof uploaderReportRequests> = z.output<(typeof uploaderReportRequests)[T]>;
export type UploaderReportHandlers = {
  [T in keyof UploaderReportResponses]: (payload: Parsed<T>, sender?: UploaderSender) => Promise<UploaderReportResponses[T]>;
};

export interface UploadBridge {
  /** 'offscreen' in Chrome; 'background' in Firefox, where the event page uploads. */
  readonly mode: 'offscreen' | 'background';
  /** A page is about to hand over Files: make sure someone will take them. */
  prepare(): Promise<void>;
  uploadFile(job: UploadJob): Promise<undefined | 'no-file'>;
  uploadAlive(job: UploadJob): Promise<boolean | 'held'>;
  cancelUpload(job: UploadJob): void;
  /** For the router: every 'uploaderReport.*' request. */
  readonly handlers: UploaderReportHandlers;
}

const sending = new Set<Job['state']>(['sending', 'uploading']);
/** After a page prepared the uploader, give it this long to hand its Files over before closing it as idle. */
const handOverGraceMs = 60_000;

function refOf(job: UploadJob): UploadJobRef {
  if (job.kind === 'file') return { id: job.id, kind: 'file' };
  return {
    id: job.id,
    kind: 'relay',
    url: job.url,
    ...(job.title ? { name: job.title } : {}),
    ...(job.bytesTotal !== undefined ? { bytesTotal: job.bytesTotal } : {}),
    ...(job.stream ? { stream: job.stream } : {}),
  };
}

/** A stream relay's refusal comes as its message key: Chrome's offscreen document has no i18n API, the background has. */
const refusalKey = /^streamRefused_[a-z_]+$/;

function asAppError(error: SerializedError): AppError {
  const code = (errorCodes as readonly string[]).includes(error.code) ? (error.code as ErrorCode) : 'server';
  const message = String(error.message).slice(0, 500);
  return new AppError(code, refusalKey.test(message) ? t(message as MessageKey) : message, { status: error.status });
}

export function createUploadBridge(deps: UploadBridgeDeps): UploadBridge {
  const now = deps.now ?? Date.now;
  const mode = deps.offscreen.supported ? 'offscreen' : 'background';
  /** Which uploader got each job's target: a second uploader (two manager tabs) must not send it twice. */
  const claims = new Map<string, { attempt: number; by: string }>();
  let preparedAt = -Infinity;

  async function ask<T extends UploaderCommandType>(type: T, payload: UploaderCommands[T]): Promise<UploaderCommandReplies[T] | undefined> {
    try {
      const reply = await deps.broadcast(type, payload);
      return reply?.ok ? reply.data : undefined;
    } catch {
      // No uploader is listening (none open, or none holds this job).
      return undefined;
    }
  }

  async function target(jobId: string, sender: UploaderSender = {}): Promise<TargetReply> {
    const job = await deps.store.get(jobId);
    if (!job || !sending.has(job.state) || (job.kind !== 'file' && job.kind !== 'relay')) {
      return { ok: false, error: { code: 'conflict', message: 'This job is not being sent any more.' } };
    }
    const by = sender.documentId ?? String((sender.tab as { id?: number } | undefined)?.id ?? sender.url);
    const claim = claims.get(jobId);
    if (claim && claim.attempt === job.attempts && claim.by !== by) {
      return { ok: false, error: { code: 'conflict', message: 'Another uploader is already sending this job.' } };
    }
    claims.set(jobId, { attempt: job.attempts, by });
    try {
      const client = await deps.clientFor(job.accountId);
      const found = await client.uploadTarget(job.options);
      // The form holds the key: it goes to no site the user did not enter or allow for this account.
      await deps.checkUploadSite(job.accountId, found.url);
      return { ok: true, target: { url: found.url, fields: found.fields, fileField: found.fileField } };
    } catch (error) {
      await deps.runner.uploadFailed(jobId, error, { bodySent: false });
      return { ok: false, error: toSerializedError(error) };
    }
  }

  async function scrubberOf(accountId: string) {
    return scrubberFor(await deps.secretsOf(accountId).catch(() => []));
  }

  async function done(jobId: string, status: number, body: string): Promise<void> {
    const job = await deps.store.get(jobId);
    if (!job) return;
    claims.delete(jobId);
    const scrub = await scrubberOf(job.accountId);
    let fileCode: string;
    try {
      const client = await deps.clientFor(job.accountId);
      // The reply is the host's own text: a status may quote the key it was sent.
      fileCode = readUploadReply(client, status, scrub.text(body), await deps.secretsOf(job.accountId), job.kind === 'file' ? job.file : {});
    } catch (error) {
      // The host answered, so the whole body went out: a 5xx may still have stored it.
      await deps.runner.uploadFailed(jobId, scrub.error(error), { bodySent: true });
      return;
    }
    await deps.runner.uploadDone(jobId, fileCode);
  }

  async function failed(jobId: string, error: SerializedError, bodySent: boolean): Promise<void> {
    const job = await deps.store.get(jobId);
    claims.delete(jobId);
    // The uploader's text may quote the upload server or the source: scrub it like host text.
    const scrub = await scrubberOf(job?.accountId ?? '');
    await deps.runner.uploadFailed(jobId, scrub.error(asAppError(error)), { bodySent });
  }

  async function closeIfIdle(): Promise<void> {
    if (mode !== 'offscreen' || now() - preparedAt < handOverGraceMs) return;
    const jobs = await deps.store.active();
    const waiting = jobs.some((job) => (job.kind === 'file' || job.kind === 'relay') && (job.state === 'queued' || sending.has(job.state)));
    if (!waiting) await deps.offscreen.close();
  }

  return {
    mode,
    async prepare() {
      preparedAt = now();
      await deps.offscreen.ensure();
    },
    async uploadFile(job) {
      await deps.offscreen.ensure();
      const reply = await ask('uploader.start', { job: refOf(job) });
      if (!reply?.accepted) return 'no-file';
    },
    async uploadAlive(job) {
      if (mode === 'offscreen' && !(await deps.offscreen.exists())) return false;
      const reply = await ask('uploader.alive', { jobIds: [job.id] });
      if (reply?.running?.includes(job.id)) return true;
      if (reply?.held?.includes(job.id)) return 'held';
      return false;
    },
    cancelUpload(job) {
      claims.delete(job.id);
      void ask('uploader.cancel', { jobId: job.id });
    },
    handlers: {
      'uploaderReport.target': ({ jobId }, sender) => target(jobId, sender),
      'uploaderReport.progress': async ({ jobId, sent, total, phase }) => {
        try {
          await deps.runner.report(jobId, { type: 'progress', bytesSent: sent, bytesTotal: total, phase });
        } catch {
          // Progress for a job cancelled or finished meanwhile: nothing to record.
        }
        return { ok: true };
      },
      'uploaderReport.done': async ({ jobId, status, body }) => {
        await done(jobId, status, body);
        return { ok: true };
      },
      'uploaderReport.error': async ({ jobId, error, bodySent }) => {
        await failed(jobId, error, bodySent);
        return { ok: true };
      },
      'uploaderReport.needed': async ({ jobIds }) => {
        const jobs = new Map((await deps.store.getMany(jobIds)).map((job) => [job.id, job]));
        // Failed and interrupted jobs keep their File: Retry must not need the user again.
        return {
          needed: jobIds.filter((id) => {
            const job = jobs.get(id);
            return !!job && !job.fileCode;
          }),
        };
      },
      'uploaderReport.origins': async ({ jobId, origins }) => {
        const job = await deps.store.get(jobId);
        // Only for a stream relay being sent: no page learns through here which sites were allowed.
        if (job?.kind !== 'relay' || !job.stream || !sending.has(job.state)) return { missing: origins };
        const allowed = await Promise.all(origins.map((origin) => deps.mayDownload?.(origin).catch(() => false) ?? Promise.resolve(true)));
        return { missing: origins.filter((_, i) => !allowed[i]) };
      },
      'uploaderReport.idle': async () => {
        await closeIfIdle();
        return { ok: true };
      },
    },
  };
}
