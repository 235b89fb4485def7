import { terminalStates, type EntryKind, type Job, type JobState } from '../model/job';
import { groupState } from '../model/group';
import { openJobsDb, type JobsDatabase } from '../store/db';
import { newestFirst, readRows, rowOf, type Row } from './rows';
import { countRows, kindRows } from './direct';
import { recentRows } from '../store/recent';
import type { JobStore } from '../store';

// History queries over every job: search, filters, a total and one page at
// a time. The database has no text search, and walking 100,000 records per
// keystroke is far too slow, so the background keeps one small row per job
// (what a search looks at, lib/queue/history/rows.ts), built from the first
// query on and kept current from the store's change feed; a page's jobs
// themselves are read by id. Building the rows takes a while at 100,000
// jobs, so History's first view and the Upload tab's (no search, no
// account or state, perhaps some kinds, one of the first pages) do not
// wait for them: the page is read newest first from the indexes
// (lib/queue/history/direct.ts) and the total is counted there. A search or
// filter asked before the rows exist waits for them: its answer is then the
// same as ever, where a scan per keystroke would be slower than the build.
// The counts include records this build cannot read, which the rows leave
// out: once the rows are built, each answer given before is asked again of
// them, and `onRowsBuilt` hears whether any came out different.

export interface HistoryQuery {
  text?: string;
  accountId?: string;
  state?: JobState;
  kinds?: EntryKind[];
  offset?: number;
  limit: number;
}

export interface HistoryPage {
  /** Top-level rows matching the query (a mirror counts once, however many jobs it has). */
  total: number;
  /** Every top-level row stored. */
  stored: number;
  /** The page, newest first (a mirror by one member), followed by the other members of any mirror on it. */
  jobs: Job[];
}

/** Before the rows are built, a plain page this deep is read from the index itself. */
const directDepth = 500;

export interface History {
  query(query: HistoryQuery): Promise<HistoryPage>;
  /** Ids of finished top-level jobs (and every member of a finished mirror) created before `before`. */
  finishedBefore(before: number): Promise<string[]>;
}

export interface HistoryOptions {
  /** The job database, read directly to build the rows (the store's own by default). */
  db?: () => Promise<JobsDatabase>;
  /**
   * The rows are built: `changed` when an answer given before them (from
   * the indexes) differs from what the rows give now, so pages should ask again.
   */
  onRowsBuilt?: (changed: boolean) => void;
  /** How long after a first page from the indexes the rows start being built (rowsBuildDelayMs). */
  buildDelayMs?: number;
}

/** How long after a first page from the indexes the search rows start being built. */
const rowsBuildDelayMs = 2_000;

/** Answers from the indexes kept to compare with the rows once they are built: the queries of a few open pages. */
const keptAnswers = 10;

export function createHistory(store: JobStore, options: HistoryOptions = {}): History {
  let connection: Promise<JobsDatabase> | undefined;
  // Its own connection, after the store has opened the database and moved any old record in.
  const database =
    options.db ??
    (() =>
      (connection ??= store
        .ready()
        .then(() => openJobsDb())
        .then((db) => {
          // A newer build upgrading the database closes this connection; the next read opens it again.
          db.addEventListener('versionchange', () => {
            db.close();
            connection = undefined;
          });
          return db;
        })
        .catch((error: unknown) => {
          connection = undefined;
          throw error;
        })));
  let rows: Row[] | undefined;
  let byId = new Map<string, Row>();
  let building: Promise<Row[]> | undefined;
  // Changes seen while the index is being built are replayed on top of it.
  let backlog: { changed: Job[]; removed: string[] }[] = [];
  let sorted = true;
  // A mirror's member rows, so the mirror is one row (where its first member stands), matched by any member.
  let groups = new Map<string, Row[]>();
  const joinGroup = (row: Row) => {
    if (!row.group) return;
    const members = groups.get(row.group);
    if (!members) groups.set(row.group, [row]);
    else if (!members.includes(row)) members.push(row);
  };
  const membersOf = (row: Row): Row[] => (groups.get(row.group!) ?? []).filter((member) => !member.removed).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  /** A mirror's row: its first member's, with its members and the state they add up to (undefined for the others). */
  const mirrorRow = (row: Row) => {
    const members = membersOf(row);
    return members[0] === row ? { members, state: groupState(members.map((member) => member.state)) } : undefined;
  };

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
      joinGroup(row);
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
        groups = new Map();
        for (const row of rows) joinGroup(row);
        gone = 0;
      }
      if (!sorted) {
        rows.sort(newestFirst);
        sorted = true;
      }
      return Promise.resolve(rows);
    }
    building ??= (async () => {
      const read = await readRows(await database());
      byId = new Map(read.map((row) => [row.id, row]));
      rows = read;
      sorted = true;
      for (const row of rows) joinGroup(row);
      for (const entry of backlog) apply(entry.changed, entry.removed);
      backlog = [];
      if (!sorted) rows.sort(newestFirst);
      sorted = true;
      void recheck();
      return rows;
    })().finally(() => {
      building = undefined;
    });
    return building;
  };

  /** A first view while the rows are being built: the newest top-level jobs (of some kinds) and the counts, from the indexes. */
  const direct = async (kinds: Set<EntryKind> | undefined, offset: number, limit: number): Promise<HistoryPage> => {
    const [jobs, counts] = await Promise.all([
      kinds ? kindRows(store, kinds, offset, limit) : recentRows(store, offset, limit),
      database().then((db) => countRows(db, kinds)),
    ]);
    return { ...counts, jobs };
  };

  // The answers given from the indexes, by query: asked again of the rows once they are built.
  let given = new Map<string, { query: HistoryQuery; answer: Promise<HistoryPage> }>();
  const recheck = async () => {
    const asked = [...given.values()];
    given = new Map();
    let changed = false;
    for (const { query, answer } of asked) {
      const before = await answer.catch(() => undefined);
      const now = await run(query).catch(() => undefined);
      if (!before || !now) continue;
      if (before.total !== now.total || before.stored !== now.stored || before.jobs.map((j) => j.id).join() !== now.jobs.map((j) => j.id).join())
        changed = true;
    }
    options.onRowsBuilt?.(changed);
  };

  const run = async (query: HistoryQuery): Promise<HistoryPage> => {
    const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const kinds = query.kinds?.length ? new Set(query.kinds) : undefined;
    const offset = query.offset ?? 0;
    const plain = !words.length && !query.accountId && !query.state;
    if (!rows && plain && offset + query.limit <= directDepth) {
      const answer = direct(kinds, offset, query.limit);
      const key = JSON.stringify([[...(kinds ?? [])].sort(), offset, query.limit]);
      given.delete(key);
      given.set(key, { query, answer });
      if (given.size > keptAnswers) given.delete(given.keys().next().value!);
      const page = await answer;
      // Built a while behind the first page, not beside it: the build reads every record, and the other answers
      // the pages opened with the browser are waiting for (their accounts, whose keys are in the same browser
      // database service) would queue behind it. A search asked meanwhile builds them at once.
      const build = () =>
        void ensure().catch((error: unknown) => console.warn('VidRelay: building the history rows failed; the next query tries again', error));
      const delay = options.buildDelayMs ?? rowsBuildDelayMs;
      if (delay > 0) setTimeout(build, delay);
      else build();
      return page;
    }
    const all = await ensure();
    const pageIds: string[] = [];
    const memberIds: string[] = [];
    let total = 0;
    let stored = 0;
    for (const row of all) {
      if (row.removed) continue;
      // A job stands for itself (no allocation per row: this runs over every job on each keystroke); a mirror for its members.
      const mirror = row.group ? mirrorRow(row) : undefined;
      if (row.group && !mirror) continue;
      stored += 1;
      const members = mirror?.members;
      if (query.accountId && !(members ? members.some((member) => member.accountId === query.accountId) : row.accountId === query.accountId)) continue;
      if (query.state && (mirror ? mirror.state : row.state) !== query.state) continue;
      if (kinds && !kinds.has(mirror ? 'mirror' : row.kind)) continue;
      if (words.length && !words.every((word) => (members ? members.some((member) => member.text.includes(word)) : row.text.includes(word)))) continue;
      if (total >= offset && pageIds.length < query.limit) {
        pageIds.push(row.id);
        if (members) memberIds.push(...members.slice(1).map((member) => member.id));
      }
      total += 1;
    }
    const asked = [...pageIds, ...memberIds];
    const page = await store.getMany(asked);
    if (page.length < asked.length && dropUnreadable(asked, page)) return run(query);
    return { total, stored, jobs: page };
  };

  /**
   * Rows are built from a few fields; a record whose other fields fail the
   * job schema is found when its page is read. Its row goes (the store
   * reports the record and keeps it), and the query runs again without it.
   */
  const dropUnreadable = (asked: string[], got: Job[]): boolean => {
    const found = new Set(got.map((job) => job.id));
    const lost = asked.filter((id) => !found.has(id) && byId.has(id));
    apply([], lost);
    return lost.length > 0;
  };

  return {
    query: run,
    async finishedBefore(before) {
      const all = await ensure();
      const ids: string[] = [];
      for (const row of all) {
        if (row.removed || row.createdAt >= before) continue;
        const mirror = row.group ? mirrorRow(row) : undefined;
        if (row.group && !mirror) continue;
        if (!terminalStates.has(mirror ? mirror.state : row.state)) continue;
        if (mirror) ids.push(...mirror.members.map((member) => member.id));
        else ids.push(row.id);
      }
      return ids;
    },
  };
}
