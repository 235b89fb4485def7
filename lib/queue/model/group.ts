import type { FileMetaFields, Job, JobLinks, JobState } from './job';
import { terminalStates } from './states';

// A mirror sends one URL (or one file) to several accounts: one job per
// account, each carrying `group: { id, index }`. Nothing else is stored:
// the mirror's state, progress, combined link list and error are derived
// here from its members whenever it is read, so nothing has to be kept in
// sync. The popup, History, the Upload tab and "Copy all links" all read
// mirrors through this module.

interface GroupLink {
  accountId: string;
  jobId: string;
  links: JobLinks;
  title?: string;
}

export interface JobGroup {
  kind: 'mirror';
  /** The mirror's id: what its members carry as `group.id`, and what cancel, retry and remove take. */
  id: string;
  /** In the order the accounts were given. */
  members: Job[];
  state: JobState;
  /** Percent of members ready. */
  progress?: number;
  /** Every ready member's links, in the order the accounts were given. */
  links: GroupLink[];
  error?: Job['error'];
  /** The first account's: a list filtered by account shows the mirror under it. */
  accountId: string;
  createdAt: number;
  updatedAt: number;
  title?: string;
  url?: string;
  file?: FileMetaFields;
  /** Every member that did not finish was cancelled by the user. */
  cancelled: boolean;
}

/** A row of a job list: one job, or one mirror. */
export type JobEntry = Job | JobGroup;

/** The state a mirror shows for its members' states. */
export function groupState(states: readonly JobState[]): JobState {
  if (states.some((s) => s === 'sending' || s === 'uploading')) return 'sending';
  if (states.includes('queued')) return 'queued';
  if (states.includes('encoding')) return 'encoding';
  if (states.length > 0 && states.every((s) => s === 'ready')) return 'ready';
  // A file mirror cut by a restart waits for its file, like a single upload.
  if (states.includes('interrupted')) return 'interrupted';
  return 'failed';
}

const byIndex = (a: Job, b: Job) => (a.group?.index ?? 0) - (b.group?.index ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The mirror `id` as its members say it is (members of other groups are ignored; order does not matter). */
export function deriveGroup(id: string, jobs: readonly Job[]): JobGroup {
  const members = jobs.filter((job) => job.group?.id === id).sort(byIndex);
  const state = groupState(members.map((member) => member.state));
  const ready = members.filter((member) => member.state === 'ready');
  const links: GroupLink[] = [];
  for (const member of ready) {
    if (member.links) links.push({ accountId: member.accountId, jobId: member.id, links: member.links, ...(member.title ? { title: member.title } : {}) });
  }
  const first = members[0];
  const unfinished = members.filter((member) => member.state !== 'ready');
  return {
    kind: 'mirror',
    id,
    members,
    state,
    progress: members.length ? Math.round((ready.length / members.length) * 100) : undefined,
    links,
    error: state === 'failed' || state === 'interrupted' ? groupError(members) : undefined,
    accountId: first?.accountId ?? '',
    createdAt: Math.min(...members.map((member) => member.createdAt)),
    updatedAt: Math.max(...members.map((member) => member.updatedAt)),
    title: first?.kind === 'file' ? first.file.name : first?.title,
    url: first && first.kind !== 'file' ? first.url : undefined,
    file: first?.kind === 'file' ? first.file : undefined,
    cancelled: unfinished.length > 0 && unfinished.every((member) => member.cancelled),
  };
}

function groupError(members: readonly Job[]): NonNullable<Job['error']> {
  if (members.length === 0) return { code: 'not_found', message: 'This mirror has no jobs left; send it again.' };
  const failed = members.filter((member) => member.state !== 'ready');
  const first = failed.find((member) => member.error)?.error;
  const count = `${failed.length} of ${members.length} mirrors did not finish.`;
  if (!first) return { code: 'not_found', message: count };
  return { code: first.code, message: `${count} ${first.message}`, ...(first.status ? { status: first.status } : {}) };
}

/** Members by mirror, each list in the order the accounts were given. */
export function membersByGroup(jobs: readonly Job[]): Map<string, Job[]> {
  const out = new Map<string, Job[]>();
  for (const job of jobs) if (job.group) out.set(job.group.id, [...(out.get(job.group.id) ?? []), job]);
  for (const list of out.values()) list.sort((a, b) => a.group!.index - b.group!.index);
  return out;
}

/**
 * A flat list of jobs (as the background sends it: singles and mirror
 * members) as rows: each mirror once, where its first member stands.
 */
export function entriesOf(jobs: readonly Job[]): JobEntry[] {
  const members = membersByGroup(jobs);
  const out: JobEntry[] = [];
  const placed = new Set<string>();
  for (const job of jobs) {
    if (!job.group) out.push(job);
    else if (!placed.has(job.group.id)) {
      placed.add(job.group.id);
      out.push(deriveGroup(job.group.id, members.get(job.group.id)!));
    }
  }
  return out;
}

/** Whether every member is done (nothing left to wait for). */
export function groupDone(group: JobGroup): boolean {
  return group.members.length > 0 && group.members.every((member) => terminalStates.has(member.state));
}

/**
 * The jobs whose links a list's "Copy as" offers, one per row: a job with
 * its link, or a mirror's first ready member.
 */
export function linkedJobs(entries: readonly JobEntry[]): Job[] {
  const out: Job[] = [];
  for (const entry of entries) {
    const job = entry.kind === 'mirror' ? entry.members.find((member) => member.id === entry.links[0]?.jobId) : entry;
    if (job?.links?.watch) out.push(job);
  }
  return out;
}

/** What the job sends: the video URL, or the name of the file picked. */
export function jobSource(job: Job): string {
  return job.kind === 'file' ? job.file.name : job.url;
}
