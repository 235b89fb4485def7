import { AppError } from '../../errors';
import type { HostClient, RemoteFile } from '../../hosts/types';
import { patchJob, type Job } from '../model/job';
import { inFlight, secondCopyNote, secondCopyRemovedNote } from '../model/states';
import { sameTitle, titleHint } from '../drivers/landed';
import type { QueueRunnerDeps } from './api';

// A send can land twice without VidRelay hearing of the first: when the
// connection drops after the host stored the request, the browser itself
// sends it again on a reused keep-alive connection, before any error
// reaches the extension, and the answer VidRelay reads is the second
// file's. So once a job lands, a host that lists files is asked for another
// file like it (same title, or same size where both sizes are known) made
// within this send's window, which no other job owns; the job's note then
// says the host holds a second copy, and the user may have it removed.

/** Slack around the send's window: the host's clock, and its whole-second or whole-minute times. */
const slackMs = 2 * 60_000;
/** At most this many other copies are named (a list page holds a hundred). */
const maxCopies = 20;

function timeOf(uploaded: string | undefined): number | undefined {
  if (!uploaded) return undefined;
  const at = Date.parse(uploaded);
  return Number.isFinite(at) ? at : undefined;
}

/**
 * Files in `files` that look like a second copy of `own` made by the send
 * that began at `since`. Hosts write creation times in their own zone and
 * format: where the job's own file is listed with a time, the others are
 * measured against it (the same clock), else against this machine's clock.
 */
function copiesAmong(files: readonly RemoteFile[], job: Job, fileCode: string, since: number, now: number): RemoteFile[] {
  const own = files.find((file) => file.fileCode === fileCode);
  const titles = [own?.title, titleHint(job)].filter((title): title is string => !!title?.trim());
  // What the extension sent knows its size: the file picked, or the relay's source as downloaded.
  const size = own?.size || (job.kind === 'file' ? job.file.size : job.kind === 'relay' ? job.bytesTotal : undefined) || undefined;
  const ownAt = timeOf(own?.uploaded);
  const span = Math.max(0, now - since) + slackMs;
  const inWindow = (file: RemoteFile) => {
    const at = timeOf(file.uploaded);
    if (at === undefined) return false;
    return ownAt !== undefined ? Math.abs(at - ownAt) <= span : at >= since - slackMs && at <= now + slackMs;
  };
  // Two known sizes decide; otherwise the title does (hosts drop extensions and cut long titles).
  const alike = (file: RemoteFile) => (size && file.size ? file.size === size : !!file.title && titles.some((title) => sameTitle(file.title!, title)));
  return files.filter((file) => file.fileCode !== fileCode && file.status !== 'missing' && alike(file) && inWindow(file));
}

export type SecondCopies = ReturnType<typeof createSecondCopies>;

export function createSecondCopies(deps: Pick<QueueRunnerDeps, 'store' | 'now' | 'clientFor'>) {
  const { store } = deps;

  /** Another job of the account may be this same video on its way: its file is no second copy of this one. */
  async function twinOnTheWay(job: Job): Promise<boolean> {
    const hint = titleHint(job);
    const size = job.kind === 'file' ? job.file.size : undefined;
    return (await store.active()).some(
      (other) =>
        other.id !== job.id &&
        other.accountId === job.accountId &&
        !other.fileCode &&
        (inFlight.has(other.state) || other.state === 'queued' || other.state === 'encoding') &&
        ((size !== undefined && other.kind === 'file' && other.file.size === size) || (!!hint && !!titleHint(other) && sameTitle(titleHint(other)!, hint))),
    );
  }

  /** After a job landed: note a second copy of its file on the host. Never fails the job (it landed). */
  async function check(id: string, client: HostClient): Promise<void> {
    try {
      const job = await store.get(id);
      const fileCode = job?.fileCode;
      if (!job || !fileCode || job.secondCopy || !client.capabilities.has('listFiles')) return;
      if (job.state !== 'encoding' && job.state !== 'ready') return;
      const since = job.sentAt ?? job.createdAt;
      const now = deps.now();
      const created = Math.ceil(Math.max(0, now - since) / 60_000) + 5;
      const { files } = await client.listFiles({ created, perPage: 100 });
      const found = copiesAmong(files, job, fileCode, since, now);
      if (!found.length || (await twinOnTheWay(job))) return;
      const taken = await store.codesTaken(
        job.accountId,
        found.map((file) => file.fileCode),
        job.id,
      );
      const codes = found.map((file) => file.fileCode).filter((code) => !taken.has(code));
      if (!codes.length) return;
      const secondCopy = { codes: codes.slice(0, maxCopies), removable: client.capabilities.has('deleteFiles') };
      await store.update(id, (current) => (current.fileCode === fileCode ? patchJob(current, { note: secondCopyNote, secondCopy }) : current));
    } catch (error) {
      console.warn('VidRelay: could not look for a second copy on the host', error instanceof AppError ? error.code : 'unexpected error');
    }
  }

  /** The user's hand: delete the second copy on the host (never the job's own file). */
  async function remove(id: string): Promise<Job> {
    const job = await store.get(id);
    if (!job) throw new AppError('not_found', 'That job is no longer in the queue.');
    const codes = job.secondCopy?.codes.filter((code) => code !== job.fileCode) ?? [];
    if (!codes.length) throw new AppError('invalid_input', 'This job has no second copy on the host to remove.');
    const client = await deps.clientFor(job.accountId);
    if (!client.capabilities.has('deleteFiles')) {
      throw new AppError('unsupported', `${client.preset.label} does not let VidRelay delete files: remove the second copy on the host's site.`);
    }
    await client.deleteFiles(codes);
    return store.update(id, (current) => patchJob(current, { note: secondCopyRemovedNote, secondCopy: undefined }));
  }

  return { check, remove };
}
