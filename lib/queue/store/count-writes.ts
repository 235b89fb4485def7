import { countRecord, mirrorOf, readRowCounts, rowCountsKey, rowCountsRecord, type RowCounts } from './counts';
import type { JobsWriteTransaction } from './db';

// The writer's side of the kept counts (lib/queue/store/counts.ts): in the
// transaction that adds or removes jobs, the counts change by what those
// records are, and a mirror counts once, from its first member stored to its
// last one removed. Counts that are not kept stay so: the next count takes
// them from the indexes.

export interface Counting {
  counts: RowCounts;
  /** Members each touched mirror had before this write. */
  before: Map<string, number>;
}

/** The kept counts and the touched mirrors' members, read before the write; undefined when no counts are kept. */
export async function countsBefore(tx: JobsWriteTransaction, records: unknown[]): Promise<Counting | undefined> {
  const groups = [...new Set(records.map(mirrorOf).filter((id): id is string => !!id))];
  const index = tx.objectStore('jobs').index('group');
  const [kept, ...members] = await Promise.all([tx.objectStore('meta').get(rowCountsKey), ...groups.map((id) => index.count(IDBKeyRange.only(id)))]);
  const counts = readRowCounts(kept?.value);
  if (!counts) return undefined;
  return { counts, before: new Map(groups.map((id, i) => [id, members[i]!])) };
}

/** After the write's puts and deletes were issued: the counts as they now stand, kept. */
export async function keepCounts(tx: JobsWriteTransaction, { counts, before }: Counting, added: unknown[], gone: unknown[]): Promise<void> {
  const index = tx.objectStore('jobs').index('group');
  const groups = [...before.keys()];
  const after = await Promise.all(groups.map((id) => index.count(IDBKeyRange.only(id))));
  for (const record of added) countRecord(counts, record, 1);
  for (const record of gone) countRecord(counts, record, -1);
  for (const [i, id] of groups.entries()) counts.mirrors += Number(after[i]! > 0) - Number(before.get(id)! > 0);
  await tx.objectStore('meta').put(rowCountsRecord(counts));
}
