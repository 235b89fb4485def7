import { jobKinds, jobStates, type Job, type JobKind, type JobState } from '../model/job';
import { jobRecordVersion, type JobsDatabase } from '../store/db';

// History's search rows, one small row per job, read straight from the
// database. Decoding a whole job through its schema costs about 20 µs, two
// seconds over 100,000 jobs, and a cursor step per record costs as much
// again; a row needs six fields, so the records are read in big batches over
// the [createdAt, id] index and only those fields are taken, checked by type.
// A record this build cannot read (newer version, a row field of the wrong
// type) gets no row, as the store would leave it out; one whose other fields
// are broken is caught when its page is read (see index.ts).

export interface Row {
  id: string;
  createdAt: number;
  accountId: string;
  state: JobState;
  kind: JobKind;
  /** A mirror's member: the mirror's id and this job's place in it. */
  group?: string;
  index?: number;
  text: string;
  removed?: boolean;
}

type SearchFields = {
  url?: unknown;
  title?: unknown;
  fileCode?: unknown;
  file?: { name?: unknown };
  links?: { watch?: unknown };
  error?: { message?: unknown };
};

function searchText(job: SearchFields): string {
  return [job.url, job.title, job.file?.name, job.fileCode, job.links?.watch, job.error?.message]
    .filter((part) => typeof part === 'string' && part)
    .join(' ')
    .toLowerCase();
}

export function rowOf(job: Job): Row {
  return {
    id: job.id,
    createdAt: job.createdAt,
    accountId: job.accountId,
    state: job.state,
    kind: job.kind,
    group: job.group?.id,
    index: job.group?.index,
    text: searchText(job),
  };
}

const states = new Set<unknown>(jobStates);
const kinds = new Set<unknown>(jobKinds);

/** The row of one stored record, or undefined when this build could not read it as a job. */
function rowOfRecord(record: unknown): Row | undefined {
  if (!record || typeof record !== 'object') return undefined;
  const r = record as Record<string, unknown>;
  const { v, id, createdAt, accountId, state, kind } = r;
  if (typeof v !== 'number' || !Number.isInteger(v) || v > jobRecordVersion) return undefined;
  if (typeof id !== 'string' || typeof createdAt !== 'number' || typeof accountId !== 'string' || !states.has(state) || !kinds.has(kind)) return undefined;
  const group = r.group as { id?: unknown; index?: unknown } | undefined;
  if (group !== undefined && (typeof group !== 'object' || !group || typeof group.id !== 'string' || typeof group.index !== 'number')) return undefined;
  return {
    id,
    createdAt,
    accountId,
    state: state as JobState,
    kind: kind as JobKind,
    group: group?.id as string | undefined,
    index: group?.index as number | undefined,
    text: searchText(r as SearchFields),
  };
}

/** Records per read: large enough that the reads cost little, small enough that other requests are answered in between. */
const rowBatch = 2_000;

/**
 * Every job's row, newest first. Read in key order, in batches of short
 * transactions, then sorted: in Chromium a scan of the object store reads
 * 100,000 records in half the time the same scan over the created index
 * takes (an index read looks each record up again), and sorting the rows
 * costs far less than that difference.
 */
export async function readRows(db: JobsDatabase, batch = rowBatch): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | undefined;
  for (;;) {
    const records = await db.getAll('jobs', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), batch);
    for (const record of records) {
      const row = rowOfRecord(record);
      if (row) rows.push(row);
    }
    if (records.length < batch) break;
    after = records[records.length - 1]!.id;
  }
  return rows.sort(newestFirst);
}

/** The order of History and of the created index read backwards: newest first, ties by id, last first. */
export const newestFirst = (a: Pick<Row, 'createdAt' | 'id'>, b: Pick<Row, 'createdAt' | 'id'>) =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
