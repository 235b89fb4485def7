import { AppError } from '../../errors';
import { jobSchema, uploadOptionsSchema, withoutUndefined, type Job } from '../model/job';
import { deriveGroup, type JobEntry, type JobGroup } from '../model/group';
import { titleHint } from '../drivers/landed';
import { canTransition } from '../model/machine';
import type { QueueCore } from './core';
import { driverFor } from '../drivers';
import type { EnqueueExtra, FileExtra, FileMeta, MirrorTarget, QueueRunner, RelayExtra } from './api';

// What the user asks of the queue: new jobs (each written before anything
// is sent), retry, cancel and remove. A mirror's id names its members: its
// commands act on each of them.

type Commands = Pick<QueueRunner, 'enqueueRemote' | 'enqueueMirror' | 'enqueueFile' | 'enqueueFileMirror' | 'enqueueRelay' | 'retry' | 'cancel' | 'remove'>;

export function createCommands(core: QueueCore, kick: () => void): Commands {
  const { deps, store } = core;
  const newId = deps.newId ?? (() => crypto.randomUUID());

  function checkedOptions(options: unknown): Job['options'] {
    const parsed = uploadOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) throw new AppError('invalid_input', `Upload options are not valid: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  function checkedUrl(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      throw new AppError('invalid_input', 'Enter the full link to the video, starting with http:// or https://.');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new AppError('invalid_input', 'Hosts can only fetch http:// or https:// links.');
    }
    return parsed.href;
  }

  /** A new job, checked against its kind's schema. */
  function fresh(fields: Record<string, unknown> & { kind: Job['kind']; accountId: string }): Job {
    if (!fields.accountId) throw new AppError('invalid_input', 'Pick an account to send to.');
    const now = deps.now();
    return jobSchema.parse(withoutUndefined({ id: newId(), state: 'queued', createdAt: now, updatedAt: now, attempts: 0, options: {}, ...fields }));
  }

  /** A mirror's members go out in one write: all of them are queued, or none. */
  async function putGroup(members: Job[]): Promise<JobGroup> {
    await Promise.all(members.map((member) => store.put(member)));
    kick();
    return deriveGroup(members[0]!.group!.id, members);
  }

  async function enqueueRemote(accountId: string, url: string, options?: Job['options'], extra: EnqueueExtra = {}): Promise<Job> {
    const job = fresh({ kind: 'remote', accountId, url: checkedUrl(url), options: checkedOptions(options), title: extra.title });
    await store.put(job);
    kick();
    return job;
  }

  async function enqueueMirror(accountIds: readonly string[], url: string, options?: Job['options']): Promise<JobGroup> {
    const unique = [...new Set(accountIds)];
    if (!unique.length) throw new AppError('invalid_input', 'Pick at least one account to mirror to.');
    const checked = { url: checkedUrl(url), options: checkedOptions(options) };
    const id = newId();
    return putGroup(unique.map((accountId, index) => fresh({ kind: 'remote', accountId, ...checked, group: { id, index } })));
  }

  async function enqueueFile(accountId: string, file: FileMeta, options?: Job['options'], extra: FileExtra = {}): Promise<Job> {
    if (extra.id !== undefined && (await store.get(extra.id))) {
      throw new AppError('conflict', 'A job with this id is already in the queue; choose the file again.');
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

  async function enqueueFileMirror(file: FileMeta, targets: readonly MirrorTarget[]): Promise<JobGroup> {
    if (new Set(targets.map((t) => t.accountId)).size !== targets.length || targets.length < 2) {
      throw new AppError('invalid_input', 'A mirror needs at least two different accounts.');
    }
    for (const target of targets) {
      if (await store.get(target.id)) throw new AppError('conflict', 'A job with this id is already in the queue; choose the file again.');
    }
    const id = newId();
    return putGroup(
      targets.map((target, index) =>
        fresh({
          kind: 'file',
          accountId: target.accountId,
          id: target.id,
          file,
          bytesTotal: file.size,
          title: file.name,
          options: checkedOptions(target.options),
          group: { id, index },
        }),
      ),
    );
  }

  async function enqueueRelay(accountId: string, url: string, options?: Job['options'], extra: RelayExtra = {}): Promise<Job> {
    const checked = checkedUrl(url);
    const job = fresh({
      kind: 'relay',
      accountId,
      url: checked,
      title: extra.title ?? titleHint({ url: checked, options: {} }) ?? checked,
      bytesTotal: extra.bytesTotal,
      ...(extra.stream ? { stream: extra.stream } : {}),
      options: checkedOptions(options),
    });
    await store.put(job);
    kick();
    return job;
  }

  /** What an id names: a job, or a mirror (its members). */
  async function target(id: string): Promise<{ job: Job } | { members: Job[] } | undefined> {
    const job = await store.get(id);
    if (job) return { job };
    const members = await store.members([id]);
    return members.length ? { members } : undefined;
  }

  async function required(id: string): Promise<JobEntry> {
    const found = await target(id);
    if (!found) throw new AppError('not_found', 'That job is no longer in the queue.');
    return 'job' in found ? found.job : deriveGroup(id, found.members);
  }

  async function retry(id: string): Promise<JobEntry> {
    const found = await target(id);
    if (found && 'members' in found) {
      for (const member of found.members) if (canTransition(member, 'retry')) await core.move(member.id, { type: 'retry' });
    } else {
      await core.move(id, { type: 'retry' });
    }
    await core.reschedule();
    kick();
    return required(id);
  }

  async function cancel(id: string): Promise<JobEntry> {
    const found = await target(id);
    const targets = !found ? [] : 'job' in found ? [found.job] : found.members;
    for (const job of targets) {
      if (!canTransition(job, 'cancel')) continue;
      driverFor(job).cancel(job, core);
      await core.move(job.id, { type: 'cancel' });
    }
    await core.reschedule();
    return required(id);
  }

  async function remove(id: string): Promise<void> {
    const found = await target(id);
    if (!found) return;
    // A member removed alone leaves its mirror to the others: the mirror is whatever members remain.
    const targets = 'job' in found ? [found.job] : found.members;
    for (const job of targets) driverFor(job).cancel(job, core);
    await store.removeMany(targets.map((job) => job.id));
    await core.reschedule();
  }

  return { enqueueRemote, enqueueMirror, enqueueFile, enqueueFileMirror, enqueueRelay, retry, cancel, remove };
}
