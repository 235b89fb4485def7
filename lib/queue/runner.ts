import { HostError, toSerializedError, type SerializedError } from '../errors';
import type { HostClient } from '../hosts/types';
import { jobSchema, terminalStates, uploadOptionsSchema, type Job } from './job';
import { findLanded, titleHint } from './landed';
import { canTransition, transition, type JobEvent } from './machine';
import { deriveMirror } from './mirror';
import { maxAutoAttempts, mayHaveLanded, nextRetryDelay, shouldRetry } from './retry';
import { defaultLimits, nextRetryAt, pickNext, type ConcurrencyLimits } from './scheduler';
import type { JobStore } from './store';

// Drives jobs through the machine against real hosts. The background entry
// creates one runner and wires alarms, notifications and the uploader to it.
// Every step is written to the store before the request it leads to, and any
// throw ends with the job marked failed, never with the job gone.

export interface QueueRunnerDeps {
  store: JobStore;
  clientFor(accountId: string): Promise<HostClient>;
  hostIdOf(accountId: string): Promise<string | undefined>;
  now(): number;
  /** Set the (single) poll alarm to fire at `whenMs`; replaces any earlier one. */
  schedulePoll(whenMs: number): void;
  /** Clear the poll alarm: nothing needs it any more. */
  cancelPoll?(): void;
  /** A top-level job reached ready, failed or interrupted (not on user cancel). */
  notify(job: Job): void;
  /**
   * Hand a file (or relay) job to the uploader; it reports back through `report`,
   * `uploadDone` and `uploadFailed`. 'no-file': no uploader holds this job's File.
   */
  uploadFile?(job: Job): Promise<void | 'no-file'>;
  /**
   * Whether the uploader is still sending this job (asked by `recover`); 'held':
   * it holds the File but was not sending it, so the job may simply queue again.
   */
  uploadAlive?(job: Job): Promise<boolean | 'held'>;
  /** Abort the uploader's request for this job. */
  cancelUpload?(job: Job): void;
  limits?(): ConcurrencyLimits | Promise<ConcurrencyLimits>;
  /** Shortest gap between polls; alarms allow no less than 30 s in production. */
  minPollMs?: number;
  /** How long a file the host does not know yet may stay "missing" before the job fails. */
  missingGraceMs?: number;
  newId?(): string;
  random?(): number;
}

export interface EnqueueExtra {
  title?: string;
  parentId?: string;
}

export interface FileExtra {
  /** The uploader already holds the File under this id (a fresh UUID from the page). */
  id?: string;
}

/** One account a file mirror uploads to: the uploader holds the File under `id` too. */
export interface MirrorTarget {
  accountId: string;
  id: string;
  options?: Job['options'];
}

export interface RelayExtra {
  title?: string;
  /** The size the user confirmed, when the source told it. */
  bytesTotal?: number;
}

export interface UploadFailure {
  /** The whole request body went out: the host may have stored the file. */
  bodySent?: boolean;
}

export interface FileMeta {
  name: string;
  size: number;
  type: string;
  lastModified: number;
}

/** Events the uploader reports for a file or relay job. */
export type UploadReport = Extract<JobEvent, { type: 'progress' | 'uploaded' | 'ready' | 'fail' }>;

export interface QueueRunner {
  enqueueRemote(accountId: string, url: string, options?: Job['options'], extra?: EnqueueExtra): Promise<Job>;
  enqueueMirror(accountIds: readonly string[], url: string, options?: Job['options']): Promise<Job>;
  enqueueFile(accountId: string, file: FileMeta, options?: Job['options'], extra?: FileExtra): Promise<Job>;
  /** One file to several accounts: a mirror parent over one file job per account. */
  enqueueFileMirror(file: FileMeta, targets: readonly MirrorTarget[]): Promise<Job>;
  /** Download a URL in the extension and upload it as a file (hosts without remote upload). */
  enqueueRelay(accountId: string, url: string, options?: Job['options'], extra?: RelayExtra): Promise<Job>;
  report(id: string, event: UploadReport): Promise<Job>;
  /** The uploader's POST came back with this file code. */
  uploadDone(id: string, fileCode: string): Promise<void>;
  /** The uploader's POST failed: transient errors go back to the queue with backoff. */
  uploadFailed(id: string, error: unknown, failure?: UploadFailure): Promise<void>;
  /** Start what the scheduler allows; resolves once nothing started here is still sending. */
  pump(): Promise<void>;
  /** Check encoding jobs and start jobs whose retry delay is over (called by the alarm). */
  poll(): Promise<void>;
  /** On browser start or install: settle jobs a restart cut off. */
  recover(): Promise<void>;
  retry(id: string): Promise<Job>;
  cancel(id: string): Promise<Job>;
  remove(id: string): Promise<void>;
}

export const interruptedRelayMessage = 'Interrupted by a browser restart: retry to send it again.';
const unverifiableMessage =
  'The last send may have reached the host, but it cannot be checked ({why}). Look in your files on the host and retry only if the video is not there.';
const hostFailedMessage = 'The host could not process this video. Check that the source plays, then send it again.';
const hostLostMessage = 'The host no longer knows this file. Send the video again.';

const inFlight = new Set<Job['state']>(['sending', 'uploading']);
const byUploader = (job: Job) => job.kind === 'file' || job.kind === 'relay';

export function createQueueRunner(deps: QueueRunnerDeps): QueueRunner {
  const { store } = deps;
  const minPollMs = deps.minPollMs ?? 30_000;
  const missingGraceMs = deps.missingGraceMs ?? 6 * 60 * 60_000;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const random = deps.random ?? Math.random;

  const running = new Set<Promise<void>>();
  /**
   * Remote jobs whose request is over while their result is still being
   * written: they no longer hold a connection, so their slot goes to the next
   * job at once, and its "sending" write joins the result's write.
   */
  const answered = new Set<string>();
  let startChain: Promise<void> = Promise.resolve();
  let pumping: Promise<void> | undefined;
  let passWanted = false;
  let wake: () => void = () => undefined;
  let parentChain: Promise<void> = Promise.resolve();
  let pollAt: number | undefined;

  // ---- moving jobs ----

  async function move(id: string, event: JobEvent, throttle = false): Promise<Job> {
    let before: Job | undefined;
    const after = await store.update(
      id,
      (job) => {
        before = job;
        return transition(job, event, deps.now());
      },
      { throttle },
    );
    await settled(before!, after);
    return after;
  }

  async function settled(before: Job, after: Job): Promise<void> {
    if (after.parentId) {
      await syncParent(after.parentId);
    } else if (before.state !== after.state && terminalStates.has(after.state) && !after.cancelled) {
      deps.notify(after);
    }
  }

  function syncParent(parentId: string): Promise<void> {
    // One at a time, so a slower sync never writes an older view over a newer one.
    const next = parentChain.then(async () => {
      const jobs = await store.all();
      const parent = jobs.find((job) => job.id === parentId);
      if (!parent) return;
      const derived = deriveMirror(parent, jobs, deps.now());
      if (derived === parent) return;
      await store.put(derived);
      if (parent.state !== derived.state && terminalStates.has(derived.state) && !derived.cancelled) deps.notify(derived);
    });
    parentChain = next.catch(() => undefined);
    return next;
  }

  /** The last resort: whatever went wrong, the job stays, marked failed with what happened. */
  async function failSafely(id: string, error: unknown): Promise<void> {
    const serialized = toSerializedError(error);
    try {
      let before: Job | undefined;
      const after = await store.update(id, (job) => {
        before = job;
        if (terminalStates.has(job.state)) return job;
        return { ...job, state: 'failed', error: serialized, speed: undefined, nextAttemptAt: undefined, updatedAt: deps.now() };
      });
      await settled(before!, after);
    } catch (secondary) {
      // Only reachable when the job was removed or storage itself fails: nothing is left to mark.
      console.error('VidRelay: could not record a job failure', id, serialized.message, secondary);
    }
  }

  async function guard(id: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      await failSafely(id, error);
    }
  }

  // ---- poll alarm ----

  async function reschedule(): Promise<void> {
    const jobs = await store.all();
    const now = deps.now();
    const wanted: number[] = [];
    if (jobs.some((job) => job.state === 'encoding' && job.kind !== 'mirror')) wanted.push(now + minPollMs);
    const retryAt = nextRetryAt(jobs, now);
    if (retryAt !== undefined) wanted.push(Math.max(retryAt, now + minPollMs));
    if (!wanted.length) {
      if (pollAt !== undefined) deps.cancelPoll?.();
      pollAt = undefined;
      return;
    }
    const when = Math.min(...wanted);
    if (pollAt !== undefined && pollAt > now && pollAt <= when) return;
    pollAt = when;
    deps.schedulePoll(when);
  }

  // ---- account lookups ----

  // Each pass asks every account's host and the limits; a storage read waits
  // behind any write under way, so a busy queue spent more time asking than
  // sending. Answers are kept briefly; an account not found is never kept.
  const lookupTtlMs = 2_000;
  const hostIds = new Map<string, { hostId: string; at: number }>();
  let limitsSeen: { limits: ConcurrencyLimits; at: number } | undefined;

  async function hostIdOf(accountId: string): Promise<string | undefined> {
    const known = hostIds.get(accountId);
    if (known && deps.now() - known.at < lookupTtlMs) return known.hostId;
    const hostId = await deps.hostIdOf(accountId);
    if (hostId === undefined) hostIds.delete(accountId);
    else hostIds.set(accountId, { hostId, at: deps.now() });
    return hostId;
  }

  async function currentLimits(): Promise<ConcurrencyLimits> {
    if (limitsSeen && deps.now() - limitsSeen.at < lookupTtlMs) return limitsSeen.limits;
    const limits = (await deps.limits?.()) ?? defaultLimits;
    limitsSeen = { limits, at: deps.now() };
    return limits;
  }

  // ---- sending ----

  async function handleSendError(id: string, error: unknown, bodySent = false): Promise<void> {
    const serialized = toSerializedError(error);
    const current = await store.get(id);
    if (!current || !inFlight.has(current.state)) return;
    if (shouldRetry(serialized) && current.attempts < maxAutoAttempts) {
      const at = deps.now() + nextRetryDelay(current.attempts, random);
      // An upload cut before its last byte left cannot have landed; a remote request always may have.
      const verify = mayHaveLanded(serialized) && (current.kind === 'remote' || bodySent);
      await move(id, { type: 'defer', at, error: serialized, verify });
    } else {
      await move(id, { type: 'fail', error: serialized });
    }
    await reschedule();
  }

  async function accepted(id: string, client: HostClient, fileCode: string): Promise<void> {
    const current = await store.get(id);
    if (current && canTransition(current, 'uploaded')) {
      await move(id, { type: 'uploaded', fileCode, links: client.links(fileCode) });
    } else if (current) {
      // Cancelled while the request was out: keep what the host made, so a retry only watches it.
      await store.put({ ...current, fileCode, links: client.links(fileCode), updatedAt: deps.now() });
    }
    await reschedule();
  }

  async function takenCodes(job: Job): Promise<Set<string>> {
    const jobs = await store.all();
    return new Set(
      jobs.filter((other) => other.id !== job.id && other.accountId === job.accountId && other.fileCode).map((other) => other.fileCode!),
    );
  }

  /** Before a second send of something that may have landed: true when the job is settled without sending. */
  async function settledByHost(job: Job, client: HostClient): Promise<boolean> {
    if (!job.verify) return false;
    const check = await findLanded(client, job, await takenCodes(job), deps.now());
    if ('found' in check && check.found) {
      await accepted(job.id, client, check.found);
      return true;
    }
    if ('unknown' in check) {
      const message = unverifiableMessage.replace('{why}', check.unknown);
      // The user now decides; their retry must send, not check again.
      await store.update(job.id, (current) => ({ ...current, verify: undefined }));
      await move(job.id, { type: 'fail', error: { code: 'conflict', message } });
      return true;
    }
    return false;
  }

  async function sendRemote(job: Job, clientFor: Promise<HostClient>): Promise<void> {
    try {
      if (!job.url) throw new HostError('invalid_input', 'This remote upload has no video URL.');
      const client = await clientFor;
      if (await settledByHost(job, client)) return;
      let fileCode: string;
      try {
        ({ fileCode } = await client.remoteUpload(job.url, job.options));
      } finally {
        answered.add(job.id);
        wakePump();
      }
      await accepted(job.id, client, fileCode);
    } catch (error) {
      await handleSendError(job.id, error);
    }
  }

  async function sendByUploader(job: Job): Promise<void> {
    if (!deps.uploadFile) return;
    try {
      if (job.verify) {
        let settledHere = false;
        try {
          settledHere = await settledByHost(job, await deps.clientFor(job.accountId));
        } catch (error) {
          // The host could not be asked: wait and ask again, never upload blind.
          await handleSendError(job.id, error);
          return;
        }
        if (settledHere) return;
      }
      const outcome = await deps.uploadFile(job);
      if (outcome === 'no-file') {
        const current = await store.get(job.id);
        if (current && inFlight.has(current.state)) {
          await move(job.id, job.kind === 'relay' ? { type: 'interrupt', message: interruptedRelayMessage } : { type: 'interrupt' });
        }
      }
    } catch (error) {
      // An upload POST is never resent blindly, so no automatic retry here.
      const current = await store.get(job.id);
      if (current && inFlight.has(current.state)) await move(job.id, { type: 'fail', error: toSerializedError(error) });
    }
  }

  async function startAllowed(): Promise<void> {
    const jobs = await store.all();
    const now = deps.now();
    const hostOf: Record<string, string> = {};
    const candidates: Job[] = [];
    for (const job of jobs) {
      if (job.kind === 'mirror' || terminalStates.has(job.state) || answered.has(job.id)) continue;
      if (job.state === 'queued' && byUploader(job) && !deps.uploadFile) continue;
      if (!(job.accountId in hostOf)) {
        const hostId = await hostIdOf(job.accountId);
        if (hostId === undefined) {
          if (job.state === 'queued') {
            await move(job.id, {
              type: 'fail',
              error: { code: 'invalid_input', message: 'The account for this job was removed. Add it again, then retry.' },
            });
          }
          continue;
        }
        hostOf[job.accountId] = hostId;
      }
      candidates.push(job);
    }
    const limits = await currentLimits();
    for (const job of pickNext(candidates, hostOf, limits, now)) {
      // Not awaited here: the jobs started together share one storage write, and
      // the store applies each move before the next pass reads, so none starts twice.
      const run = (async () => {
        // The account lookup reads storage too: let it run while the job is being written.
        const client = byUploader(job) ? undefined : deps.clientFor(job.accountId);
        client?.catch(() => undefined);
        let sending: Job;
        try {
          sending = await move(job.id, { type: 'send' });
        } catch (error) {
          await failSafely(job.id, error);
          return;
        }
        await guard(sending.id, () => (byUploader(sending) ? sendByUploader(sending) : sendRemote(sending, client!)));
      })().finally(() => {
        running.delete(run);
        answered.delete(job.id);
        wakePump();
      });
      running.add(run);
    }
  }

  function startSerially(): Promise<void> {
    // Two passes must not both see the same job queued and both start it.
    const next = startChain.then(startAllowed);
    startChain = next.catch(() => undefined);
    return next;
  }

  /**
   * One pump loop at a time: every enqueue, answer and end only asks it for
   * another pass. (A loop per call made a batch of N jobs run N loops, each
   * re-reading the queue whenever any job ended.)
   */
  function pump(): Promise<void> {
    passWanted = true;
    wake();
    pumping ??= pumpLoop();
    return pumping;
  }

  async function pumpLoop(): Promise<void> {
    try {
      while (passWanted || running.size) {
        if (passWanted) {
          passWanted = false;
          await startSerially();
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      pumping = undefined;
    }
  }

  function wakePump(): void {
    passWanted = true;
    wake();
  }

  function kick(): void {
    pump().catch((error) => console.error('VidRelay: queue pump failed', error));
  }

  // ---- encoding ----

  async function pollAccount(accountId: string, jobs: Job[]): Promise<void> {
    try {
      const client = await deps.clientFor(accountId);
      const files = await client.fileInfo(jobs.map((job) => job.fileCode!));
      const progress = new Map<string, number>();
      if (client.capabilities.has('encodings')) {
        // Progress is a nicety: a failing encodings call must not fail the jobs.
        try {
          for (const entry of await client.encodings()) progress.set(entry.fileCode, entry.progress);
        } catch {}
      }
      for (const job of jobs) {
        await guard(job.id, async () => {
          const file = files.find((candidate) => candidate.fileCode === job.fileCode);
          const status = file?.status ?? 'missing';
          if (status === 'ready') {
            await move(job.id, { type: 'ready', links: client.links(job.fileCode!) });
          } else if (status === 'failed') {
            await move(job.id, { type: 'fail', error: { code: 'upload_rejected', message: hostFailedMessage } });
          } else if (status === 'missing' && deps.now() - (job.sentAt ?? job.createdAt) > missingGraceMs) {
            await move(job.id, { type: 'fail', error: { code: 'not_found', message: hostLostMessage } });
          } else {
            await move(job.id, { type: 'encoding', progress: progress.get(job.fileCode!) });
          }
        });
      }
    } catch (error) {
      const serialized: SerializedError = toSerializedError(error);
      // Transient trouble: the next poll tries again. Anything else the user must fix, so say so.
      if (shouldRetry(serialized)) return;
      for (const job of jobs) await guard(job.id, () => move(job.id, { type: 'fail', error: serialized }));
    }
  }

  async function poll(): Promise<void> {
    pollAt = undefined;
    const jobs = await store.all();
    const groups = new Map<string, Job[]>();
    for (const job of jobs) {
      if (job.state !== 'encoding' || job.kind === 'mirror') continue;
      if (!job.fileCode) {
        await failSafely(job.id, new HostError('invalid_response', 'The host gave no file code for this upload. Send it again.'));
        continue;
      }
      groups.set(job.accountId, [...(groups.get(job.accountId) ?? []), job]);
    }
    for (const [accountId, group] of groups) await pollAccount(accountId, group);
    await reschedule();
    await pump();
    await reschedule();
  }

  // ---- restart ----

  async function recoverJob(job: Job): Promise<void> {
    if (job.kind === 'mirror' || !inFlight.has(job.state)) return;
    if (job.kind === 'remote') {
      await move(job.id, { type: 'defer', at: deps.now(), verify: true });
    } else {
      const alive = (await deps.uploadAlive?.(job)) ?? false;
      if (alive === 'held') await move(job.id, { type: 'defer', at: deps.now() });
      else if (!alive) await move(job.id, job.kind === 'relay' ? { type: 'interrupt', message: interruptedRelayMessage } : { type: 'interrupt' });
    }
  }

  async function recover(): Promise<void> {
    const jobs = await store.all();
    for (const job of jobs) await guard(job.id, () => recoverJob(job));
    for (const job of jobs) if (job.kind === 'mirror') await syncParent(job.id);
    await reschedule();
    kick();
  }

  // ---- user actions ----

  function checkedOptions(options: unknown): Job['options'] {
    const parsed = uploadOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw new HostError('invalid_input', `Upload options are not valid: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  function checkedUrl(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      throw new HostError('invalid_input', 'Enter the full link to the video, starting with http:// or https://.');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new HostError('invalid_input', 'Hosts can only fetch http:// or https:// links.');
    }
    return parsed.href;
  }

  function fresh(fields: Pick<Job, 'kind' | 'accountId'> & Partial<Job>): Job {
    if (!fields.accountId) throw new HostError('invalid_input', 'Pick an account to send to.');
    const now = deps.now();
    return jobSchema.parse({ id: newId(), state: 'queued', createdAt: now, updatedAt: now, attempts: 0, options: {}, ...fields });
  }

  async function enqueueRemote(accountId: string, url: string, options?: Job['options'], extra: EnqueueExtra = {}): Promise<Job> {
    const job = fresh({ kind: 'remote', accountId, url: checkedUrl(url), options: checkedOptions(options), ...extra });
    await store.put(job);
    kick();
    return job;
  }

  async function enqueueMirror(accountIds: readonly string[], url: string, options?: Job['options']): Promise<Job> {
    const unique = [...new Set(accountIds)];
    if (!unique.length) throw new HostError('invalid_input', 'Pick at least one account to mirror to.');
    const checked = { url: checkedUrl(url), options: checkedOptions(options) };
    const children = unique.map((accountId) => fresh({ kind: 'remote', accountId, ...checked }));
    const parent = fresh({ kind: 'mirror', accountId: unique[0], ...checked, childIds: children.map((c) => c.id) });
    // Parent first: a crash between writes leaves a parent that reports a missing child, not orphans.
    await store.put(parent);
    for (const child of children) await store.put({ ...child, parentId: parent.id });
    kick();
    return parent;
  }

  async function enqueueFile(accountId: string, file: FileMeta, options?: Job['options'], extra: FileExtra = {}): Promise<Job> {
    if (extra.id !== undefined && (await store.get(extra.id))) {
      throw new HostError('conflict', 'A job with this id is already in the queue; choose the file again.');
    }
    const job = fresh({
      kind: 'file',
      accountId,
      file,
      bytesTotal: file.size,
      title: file.name,
      options: checkedOptions(options),
      ...(extra.id !== undefined ? { id: extra.id } : {}),
    });
    await store.put(job);
    kick();
    return job;
  }

  async function enqueueFileMirror(file: FileMeta, targets: readonly MirrorTarget[]): Promise<Job> {
    if (new Set(targets.map((t) => t.accountId)).size !== targets.length || targets.length < 2) {
      throw new HostError('invalid_input', 'A mirror needs at least two different accounts.');
    }
    for (const target of targets) {
      if (await store.get(target.id)) throw new HostError('conflict', 'A job with this id is already in the queue; choose the file again.');
    }
    const children = targets.map((target) =>
      fresh({ kind: 'file', accountId: target.accountId, id: target.id, file, bytesTotal: file.size, title: file.name, options: checkedOptions(target.options) }),
    );
    const parent = fresh({
      kind: 'mirror',
      accountId: targets[0].accountId,
      file,
      bytesTotal: file.size,
      title: file.name,
      options: children[0].options,
      childIds: children.map((c) => c.id),
    });
    // Parent first, as for URL mirrors: a crash between writes leaves a parent that reports a missing child, not orphans.
    // The children then go together, so the store writes them in one go.
    await store.put(parent);
    await Promise.all(children.map((child) => store.put({ ...child, parentId: parent.id })));
    kick();
    return parent;
  }

  async function enqueueRelay(accountId: string, url: string, options?: Job['options'], extra: RelayExtra = {}): Promise<Job> {
    const checked = checkedUrl(url);
    const job = fresh({
      kind: 'relay',
      accountId,
      url: checked,
      title: extra.title ?? titleHint({ url: checked, options: {} }) ?? checked,
      bytesTotal: extra.bytesTotal,
      options: checkedOptions(options),
    });
    await store.put(job);
    kick();
    return job;
  }

  async function uploadDone(id: string, fileCode: string): Promise<void> {
    const current = await store.get(id);
    if (!current) return;
    await accepted(id, await deps.clientFor(current.accountId), fileCode);
    kick();
  }

  async function uploadFailed(id: string, error: unknown, failure: UploadFailure = {}): Promise<void> {
    await guard(id, () => handleSendError(id, error, failure.bodySent));
    kick();
  }

  async function report(id: string, event: UploadReport): Promise<Job> {
    const job = await move(id, event, event.type === 'progress');
    if (event.type !== 'progress') await reschedule();
    if (terminalStates.has(job.state) || job.state === 'encoding') kick();
    return job;
  }

  async function children(parent: Job): Promise<Job[]> {
    const ids = new Set(parent.childIds ?? []);
    return (await store.all()).filter((job) => ids.has(job.id));
  }

  async function required(id: string): Promise<Job> {
    const job = await store.get(id);
    if (!job) throw new HostError('not_found', 'That job is no longer in the queue.');
    return job;
  }

  async function retry(id: string): Promise<Job> {
    const job = await required(id);
    if (job.kind === 'mirror') {
      for (const child of await children(job)) if (canTransition(child, 'retry')) await move(child.id, { type: 'retry' });
    } else {
      await move(id, { type: 'retry' });
    }
    await reschedule();
    kick();
    return required(id);
  }

  async function cancel(id: string): Promise<Job> {
    const job = await required(id);
    const targets = job.kind === 'mirror' ? await children(job) : [job];
    for (const target of targets) {
      if (!canTransition(target, 'cancel')) continue;
      if (byUploader(target) && inFlight.has(target.state)) deps.cancelUpload?.(target);
      await move(target.id, { type: 'cancel' });
    }
    await reschedule();
    return required(id);
  }

  async function remove(id: string): Promise<void> {
    const job = await store.get(id);
    if (!job) return;
    const targets = job.kind === 'mirror' ? [...(await children(job)), job] : [job];
    for (const target of targets) {
      if (byUploader(target) && inFlight.has(target.state)) deps.cancelUpload?.(target);
      await store.remove(target.id);
    }
    if (job.parentId) {
      const parentId = job.parentId;
      const parent = await store.get(parentId);
      if (parent) await store.put({ ...parent, childIds: parent.childIds?.filter((child) => child !== id) });
      await syncParent(parentId);
    }
    await reschedule();
  }

  return { enqueueRemote, enqueueMirror, enqueueFile, enqueueFileMirror, enqueueRelay, report, uploadDone, uploadFailed, pump, poll, recover, retry, cancel, remove };
}
