import { HostError } from '../errors';
import { jobSchema, uploadOptionsSchema, type Job } from './job';
import { titleHint } from './landed';
import { canTransition } from './machine';
import type { QueueCore } from './core';
import { driverFor } from './drivers';
import type { EnqueueExtra, FileExtra, FileMeta, MirrorTarget, QueueRunner, RelayExtra } from './runner-api';

// What the user asks of the queue: new jobs (each written before anything
// is sent), retry, cancel and remove. A mirror's commands act on its jobs.

type Commands = Pick<QueueRunner, 'enqueueRemote' | 'enqueueMirror' | 'enqueueFile' | 'enqueueFileMirror' | 'enqueueRelay' | 'retry' | 'cancel' | 'remove'>;

export function createCommands(core: QueueCore, kick: () => void): Commands {
  const { deps, store } = core;
  const newId = deps.newId ?? (() => crypto.randomUUID());

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

  async function children(parent: Job): Promise<Job[]> {
    return store.getMany(parent.childIds ?? []);
  }

  async function required(id: string): Promise<Job> {
    const job = await store.get(id);
    if (!job) throw new HostError('not_found', 'That job is no longer in the queue.');
    return job;
  }

  async function retry(id: string): Promise<Job> {
    const job = await required(id);
    if (job.kind === 'mirror') {
      for (const child of await children(job)) if (canTransition(child, 'retry')) await core.move(child.id, { type: 'retry' });
    } else {
      await core.move(id, { type: 'retry' });
    }
    await core.reschedule();
    kick();
    return required(id);
  }

  async function cancel(id: string): Promise<Job> {
    const job = await required(id);
    const targets = job.kind === 'mirror' ? await children(job) : [job];
    for (const target of targets) {
      if (!canTransition(target, 'cancel')) continue;
      driverFor(target.kind)?.cancel(target, core);
      await core.move(target.id, { type: 'cancel' });
    }
    await core.reschedule();
    return required(id);
  }

  async function remove(id: string): Promise<void> {
    const job = await store.get(id);
    if (!job) return;
    const targets = job.kind === 'mirror' ? [...(await children(job)), job] : [job];
    for (const target of targets) {
      driverFor(target.kind)?.cancel(target, core);
      await store.remove(target.id);
    }
    if (job.parentId) {
      const parentId = job.parentId;
      const parent = await store.get(parentId);
      if (parent) await store.put({ ...parent, childIds: parent.childIds?.filter((child) => child !== id) });
      await core.syncParent(parentId);
    }
    await core.reschedule();
  }

  return { enqueueRemote, enqueueMirror, enqueueFile, enqueueFileMirror, enqueueRelay, retry, cancel, remove };
}
