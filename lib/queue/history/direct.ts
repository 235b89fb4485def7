import { jobKinds, type EntryKind, type Job } from '../model/job';
import { membersByGroup } from '../model/group';
import { newestFirst } from './rows';
import type { JobsDatabase } from '../store/db';
import { rowCounts } from '../store/counts';
import type { JobStore } from '../store';

// History's answers from the indexes alone, for the queries asked before the
// search rows are built (lib/queue/history/index.ts): the newest rows of some
// kinds, and the counts. They match what the rows give: a job of no mirror
// stands for itself under its kind; a mirror is one row of kind 'mirror',
// whatever its members' kind, standing where its first member (the lowest
// index) stands, followed after the page by its other members.

/** Mirrors looked at per kind beyond those asked for, before the walk is sure of their order. */
const slack = 10;

/**
 * Top-level rows stored (a mirror counts once, however many members it
 * has) and, for `kinds`, the rows of those kinds, from the database's kept
 * counts (lib/queue/store/counts.ts). Records this build cannot read are counted too.
 */
export async function countRows(db: JobsDatabase, kinds?: ReadonlySet<EntryKind>): Promise<{ stored: number; total: number }> {
  const counts = await rowCounts(db);
  const stored = counts.all - counts.members + counts.mirrors;
  if (!kinds) return { stored, total: stored };
  let total = kinds.has('mirror') ? counts.mirrors : 0;
  for (const kind of jobKinds) if (kinds.has(kind)) total += counts.kinds[kind] - counts.memberKinds[kind];
  return { stored, total };
}

type Walker = Pick<JobStore, 'each' | 'members'>;

/**
 * The rows of `kinds` after the first `offset`, newest first, as the flat
 * list pages take: one job per row (a mirror's first member), then the
 * other members of each mirror on the page. Each kind's jobs are walked
 * newest first over its own index, only as far as the page needs.
 */
export async function kindRows(store: Walker, kinds: ReadonlySet<EntryKind>, offset: number, limit: number): Promise<Job[]> {
  const want = offset + limit;
  const [mirrors, ...singles] = await Promise.all([
    kinds.has('mirror') ? newestMirrors(store, want) : [],
    ...jobKinds.filter((kind) => kinds.has(kind)).map((kind) => newestSingles(store, kind, want)),
  ]);
  const membersOf = new Map(mirrors.map((members) => [members[0]!.group!.id, members]));
  const page = [...mirrors.map((members) => members[0]!), ...singles.flat()].sort(newestFirst).slice(offset, want);
  const rest = page.flatMap((job) => (job.group ? membersOf.get(job.group.id)!.slice(1) : []));
  return [...page, ...rest];
}

async function newestSingles(store: Walker, kind: Job['kind'], want: number): Promise<Job[]> {
  const out: Job[] = [];
  if (want > 0) await store.each((job) => (job.group ? true : out.push(job) < want), { kind });
  return out;
}

/**
 * The `want` newest mirrors by where their first member stands, each as its
 * members in index order. The members index is walked newest first, per
 * kind, until enough mirrors are seen; a mirror's first member may stand
 * below its newest, so a mirror counts as placed only once it stands above
 * where a walk stopped (every mirror not seen stands below that). Too few
 * placed: walk further.
 */
async function newestMirrors(store: Walker, want: number): Promise<Job[][]> {
  if (want <= 0) return [];
  for (let reach = want + slack; ; reach *= 4) {
    const seen = new Set<string>();
    const stops: Job[] = [];
    await Promise.all(
      jobKinds.map(async (kind) => {
        const groups = new Set<string>();
        let stop: Job | undefined;
        await store.each(
          (job) => {
            if (!job.group) return true;
            groups.add(job.group.id);
            if (groups.size < reach) return true;
            stop = job;
            return false;
          },
          { kind, members: true },
        );
        if (stop) stops.push(stop);
        for (const id of groups) seen.add(id);
      }),
    );
    const mirrors = [...membersByGroup(await store.members([...seen])).values()].sort((a, b) => newestFirst(a[0]!, b[0]!));
    const bound = stops.sort(newestFirst)[0];
    const placed = bound ? mirrors.filter((members) => newestFirst(members[0]!, bound) <= 0) : mirrors;
    if (!bound || placed.length >= want) return placed.slice(0, want);
  }
}
