import type { Job, JobLinks, JobState } from './job';

// A mirror sends one URL (or one file) to several accounts. The parent job only
// summarises its children (one remote or file job per account); its state is
// derived, never set.

export interface MirrorLink {
  accountId: string;
  jobId: string;
  links: JobLinks;
  title?: string;
}

export function mirrorChildren(parent: Job, jobs: readonly Job[]): (Job | undefined)[] {
  const byId = new Map(jobs.map((job) => [job.id, job]));
  return (parent.childIds ?? []).map((id) => byId.get(id));
}

/** Links of every child that is ready, in the order the accounts were given. */
export function mirrorLinks(parent: Job, jobs: readonly Job[]): MirrorLink[] {
  const out: MirrorLink[] = [];
  for (const child of mirrorChildren(parent, jobs)) {
    if (child?.state === 'ready' && child.links) {
      out.push({ accountId: child.accountId, jobId: child.id, links: child.links, title: child.title });
    }
  }
  return out;
}

function summaryState(states: readonly JobState[]): JobState {
  if (states.some((s) => s === 'sending' || s === 'uploading')) return 'sending';
  if (states.includes('queued')) return 'queued';
  if (states.includes('encoding')) return 'encoding';
  if (states.length > 0 && states.every((s) => s === 'ready')) return 'ready';
  // A file mirror cut by a restart waits for its file, like a single upload.
  if (states.includes('interrupted')) return 'interrupted';
  return 'failed';
}

/** The parent as its children say it is; unchanged (same object) if nothing moved. */
export function deriveMirror(parent: Job, jobs: readonly Job[], now: number): Job {
  const children = mirrorChildren(parent, jobs);
  const states = children.map((child) => child?.state ?? 'failed');
  const state = summaryState(states);
  const ready = children.filter((child) => child?.state === 'ready');
  const progress = children.length ? Math.round((ready.length / children.length) * 100) : undefined;
  const links = ready[0]?.links;
  const error = state === 'failed' || state === 'interrupted' ? mirrorError(children) : undefined;

  const same =
    parent.state === state &&
    parent.progress === progress &&
    JSON.stringify(parent.links) === JSON.stringify(links) &&
    JSON.stringify(parent.error) === JSON.stringify(error);
  if (same) return parent;
  return { ...parent, state, progress, links, error, updatedAt: now };
}

function mirrorError(children: readonly (Job | undefined)[]): NonNullable<Job['error']> {
  if (children.length === 0) return { code: 'invalid_input', message: 'This mirror has no accounts to send to.' };
  const failed = children.filter((child) => child?.state !== 'ready');
  const first = failed.find((child) => child?.error)?.error;
  const count = `${failed.length} of ${children.length} mirrors did not finish.`;
  if (!first) return { code: 'not_found', message: `${count} A mirror job is missing; send the mirror again.` };
  return { code: first.code, message: `${count} ${first.message}`, ...(first.status ? { status: first.status } : {}) };
}
