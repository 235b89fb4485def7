import { terminalStates, type Job, type JobKind, type JobState } from './job';
import type { JobStore } from './store';

// History queries over every job: search, filters, a total and one page at
// a time. The database has no text search, and walking 100,000 records per
// keystroke is far too slow, so the background keeps one small row per job
// (what a search looks at) built on the first query and kept current from
// the store's change feed; a page's jobs themselves are read by id.

export interface HistoryQuery {
  text?: string;
  accountId?: string;
  state?: JobState;
  kinds?: JobKind[];
  offset?: number;
  limit: number;
}

export interface HistoryPage {
  /** Top-level jobs matching the query (mirror children count with their parent). */
  total: number;
  /** Every top-level job stored. */
  stored: number;
  /** The page, newest first, followed by the children of any mirror on it. */
  jobs: Job[];
}

interface Row {
  id: string;
  createdAt: number;
  accountId: string;
  state: JobState;
  kind: JobKind;
  child: boolean;
  text: string;
  removed?: boolean;
}

export function searchText(job: Job): string {
  return [job.url, job.title, job.file?.name, job.fileCode, job.links?.watch, job.error?.message].filter(Boolean).join(' ').toLowerCase();
}

function rowOf(job: Job): Row {
  return { id: job.id, createdAt: job.createdAt, accountId: job.accountId, state: job.state, kind: job.kind, child: !!job.parentId, text: searchText(job) };
}

const newestFirst = (a: Row, b: Row) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export interface History {
  query(query: HistoryQuery): Promise<HistoryPage>;
  /** Ids of finished top-level jobs (and their children) created before `before`. */
  finishedBefore(before: number): Promise<string[]>;
}

export function createHistory(store: JobStore): History {
  let rows: Row[] | undefined;
  let byId = new Map<string, Row>();
  let building: Promise<Row[]> | undefined;
  // Changes seen while the index is being built are replayed on top of it.
  let backlog: { changed: Job[]; removed: string[] }[] = [];
  let sorted = true;

  // Rows change in place: one job's change costs the same however long the history is.
  let gone = 0;
  const apply = (changed: Job[], removed: string[]) => {
    for (const id of removed) {
      const row = byId.get(id);
      if (!row) continue;
      row.removed = true;
      byId.delete(id);
      gone += 1;
    }
    for (const job of changed) {
      const had = byId.get(job.id);
      const row = rowOf(job);
      if (had) {
        if (had.createdAt !== row.createdAt) sorted = false;
        Object.assign(had, row);
        continue;
      }
      byId.set(job.id, row);
      if (!rows) continue;
      // New jobs are the newest: they go in front (anything else waits for a sort).
      if (!rows.length || newestFirst(row, rows[0]!) <= 0) rows.unshift(row);
      else {
        rows.push(row);
        sorted = false;
      }
    }
  };

  store.watch((changed, removed) => {
    if (building && !rows) backlog.push({ changed, removed });
    else if (rows) apply(changed, removed);
  });

  const ensure = (): Promise<Row[]> => {
    if (rows) {
      if (gone > 1_000) {
        rows = rows.filter((row) => !row.removed);
        gone = 0;
      }
      if (!sorted) {
        rows.sort(newestFirst);
        sorted = true;
      }
      return Promise.resolve(rows);
    }
    building ??= (async () => {
      const built = new Map<string, Row>();
      await store.each((job) => void built.set(job.id, rowOf(job)));
      byId = built;
      rows = [...built.values()];
      for (const entry of backlog) apply(entry.changed, entry.removed);
      backlog = [];
      rows.sort(newestFirst);
      sorted = true;
      return rows;
    })().finally(() => {
      building = undefined;
    });
    return building;
  };

  return {
    async query(query) {
      const all = await ensure();
      const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const kinds = query.kinds?.length ? new Set(query.kinds) : undefined;
      const offset = query.offset ?? 0;
      const pageIds: string[] = [];
      let total = 0;
      let stored = 0;
      for (const row of all) {
        if (row.child || row.removed) continue;
        stored += 1;
        if (query.accountId && row.accountId !== query.accountId) continue;
        if (query.state && row.state !== query.state) continue;
        if (kinds && !kinds.has(row.kind)) continue;
        if (words.length && !words.every((word) => row.text.includes(word))) continue;
        if (total >= offset && pageIds.length < query.limit) pageIds.push(row.id);
        total += 1;
      }
      const page = await store.getMany(pageIds);
      const childIds = page.flatMap((job) => (job.kind === 'mirror' ? (job.childIds ?? []) : []));
      const children = childIds.length ? await store.getMany(childIds) : [];
      return { total, stored, jobs: [...page, ...children] };
    },
    async finishedBefore(before) {
      const all = await ensure();
      const ids: string[] = [];
      for (const row of all) {
        if (row.child || row.removed || row.createdAt >= before || !terminalStates.has(row.state)) continue;
        ids.push(row.id);
        if (row.kind === 'mirror') {
          const [parent] = await store.getMany([row.id]);
          ids.push(...(parent?.childIds ?? []));
        }
      }
      return ids;
    },
  };
}
