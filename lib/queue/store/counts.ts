import { jobKinds, type JobKind } from '../model/states';
import type { JobsDatabase } from './db';

// How many records the job database holds, by kind and by mirror: what
// History's totals are made of (lib/queue/history/direct.ts). Counting them
// from the indexes steps over every stored record, which with 100,000 jobs
// holds the browser's IndexedDB for half a second after a browser start, and
// every other read of the extension waits behind it. So the counts are kept
// in the meta store, changed in the same transaction as the jobs they count
// (lib/queue/store/writer.ts). Whatever writes jobs past the writer (moving
// old records in, a test seeding a history) deletes the kept counts in its
// transaction; the next count is then taken from the indexes once, inside
// one transaction that no write can interleave, and kept from then on.

/** The meta store's key of the kept counts. */
export const rowCountsKey = 'rowCounts';
const rowCountsVersion = 1;

export interface RowCounts {
  /** Every stored record, readable or not. */
  all: number;
  /** Records of each kind. */
  kinds: Record<JobKind, number>;
  /** Mirror members (records with a `group.id`), in all and by kind. */
  members: number;
  memberKinds: Record<JobKind, number>;
  /** Distinct mirrors. */
  mirrors: number;
}

const byKind = (fn: (kind: JobKind) => number) => Object.fromEntries(jobKinds.map((kind) => [kind, fn(kind)])) as Record<JobKind, number>;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Kept counts as read from the meta store; undefined when absent or not of this version and shape. */
export function readRowCounts(value: unknown): RowCounts | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { v, all, kinds, members, memberKinds, mirrors } = value as Record<string, unknown>;
  if (v !== rowCountsVersion || !isCount(all) || !isCount(members) || !isCount(mirrors)) return undefined;
  const table = (t: unknown) => !!t && typeof t === 'object' && jobKinds.every((kind) => isCount((t as Record<string, unknown>)[kind]));
  if (!table(kinds) || !table(memberKinds)) return undefined;
  return { all, kinds: kinds as RowCounts['kinds'], members, memberKinds: memberKinds as RowCounts['memberKinds'], mirrors };
}

export const rowCountsRecord = (counts: RowCounts) => ({ key: rowCountsKey, value: { v: rowCountsVersion, ...counts } });

const between = (kind: string) => IDBKeyRange.bound([kind], [kind, []]);

/** The kept counts, or counted from the indexes (and kept) when there are none. */
export async function rowCounts(db: JobsDatabase): Promise<RowCounts> {
  const kept = readRowCounts((await db.get('meta', rowCountsKey))?.value);
  if (kept) return kept;
  // Read-write, so that no write lands between the count and keeping it.
  const tx = db.transaction(['jobs', 'meta'], 'readwrite');
  const jobs = tx.objectStore('jobs');
  const again = readRowCounts((await tx.objectStore('meta').get(rowCountsKey))?.value);
  if (again) return again;
  const group = jobs.index('group');
  const [all, members, ...perKind] = await Promise.all([
    jobs.count(),
    group.count(),
    ...jobKinds.flatMap((kind) => [jobs.index('kindCreated').count(between(kind)), jobs.index('memberCreated').count(between(kind))]),
  ]);
  let mirrors = 0;
  // One step per mirror, not per member: the key cursor skips a mirror's other members.
  if (members) for (let cursor = await group.openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) mirrors += 1;
  const counts: RowCounts = {
    all: all!,
    members: members!,
    mirrors,
    kinds: byKind((kind) => perKind[jobKinds.indexOf(kind) * 2]!),
    memberKinds: byKind((kind) => perKind[jobKinds.indexOf(kind) * 2 + 1]!),
  };
  await tx.objectStore('meta').put(rowCountsRecord(counts));
  await tx.done;
  return counts;
}

/** The mirror a stored record belongs to (its `group.id`, as the group index sees it), if any. */
export function mirrorOf(record: unknown): string | undefined {
  const id = (record as { group?: { id?: unknown } } | undefined)?.group?.id;
  return typeof id === 'string' ? id : undefined;
}

/** What one record adds to the counts (−1: its removal): its kind and mirror as the indexes see them. */
export function countRecord(counts: RowCounts, record: unknown, sign: 1 | -1): void {
  if (!record || typeof record !== 'object') return;
  const { kind } = record as { kind?: unknown };
  const known = (jobKinds as readonly unknown[]).includes(kind) ? (kind as JobKind) : undefined;
  const member = mirrorOf(record) !== undefined;
  counts.all += sign;
  if (known) counts.kinds[known] += sign;
  if (member) {
    counts.members += sign;
    if (known) counts.memberKinds[known] += sign;
  }
}
