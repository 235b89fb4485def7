import { browser } from 'wxt/browser';
import { withoutUndefined, type Job } from '../model/job';
import { jobRecordVersion, type JobRecord, type JobsDatabase, type UnreadableRecord } from './db';
import { jobV3toV4, planGroups } from './migrate-groups';
import { jobSchemaV3, type JobV3 } from './record-v3';
import { rowCountsKey } from './counts';

// Version 1 of the job store was one storage.local record, `jobs`, holding
// every job by id (WXT kept its version beside it, under `jobs$`; a
// `{ version: 1, data }` envelope is read too). This moves it into the
// database, one record per job: every readable entry becomes a job record,
// every unreadable one is copied as it was into `unreadable` and reported.
// The old record is removed only once all of that is committed; a worker
// stopped half-way simply runs this again, and a job the database already
// holds is never overwritten (it may have moved on since). Its entries had
// the shape of record version 3 (lib/queue/store/record-v3.ts): they go through
// the step to version 4 on the way, mirrors becoming groups.

const legacyJobsKey = 'jobs';

export interface LegacyJobs {
  read(): Promise<unknown>;
  remove(): Promise<void>;
}

export const browserLegacyJobs: LegacyJobs = {
  read: async () => (await browser.storage.local.get(legacyJobsKey))[legacyJobsKey],
  remove: () => browser.storage.local.remove([legacyJobsKey, `${legacyJobsKey}$`]),
};

export interface MigrationReport {
  moved: number;
  unreadable: number;
}

function entriesOf(value: unknown): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const enveloped = keys.length === 2 && typeof record.version === 'number' && record.data && typeof record.data === 'object';
  if (enveloped && !Array.isArray(record.data)) {
    if (record.version !== 1) return undefined;
    return record.data as Record<string, unknown>;
  }
  return record;
}

export async function migrateLegacyJobs(db: JobsDatabase, legacy: LegacyJobs, now = Date.now()): Promise<MigrationReport | undefined> {
  const value = await legacy.read();
  if (value === undefined || value === null) return undefined;
  const entries = entriesOf(value);
  const tx = db.transaction(['jobs', 'unreadable', 'meta'], 'readwrite');
  const jobs = tx.objectStore('jobs');
  // Jobs written past the writer: the kept counts go, and are counted again when next asked for.
  void tx.objectStore('meta').delete(rowCountsKey);
  const unreadable = tx.objectStore('unreadable');
  const report: MigrationReport = { moved: 0, unreadable: 0 };
  const keep = (id: string, problem: string, raw: unknown) => {
    const record: UnreadableRecord = { key: `local:jobs:${id}`, id, source: 'local:jobs', problem, raw, foundAt: now };
    report.unreadable += 1;
    return unreadable.put(record);
  };
  const writes: Promise<unknown>[] = [];
  if (!entries) {
    // Not a record of jobs at all (or a newer envelope): keep the whole value as it was.
    writes.push(keep('*', 'The stored job list is not a record of jobs (or comes from a newer version).', value));
  } else {
    const readable = new Map<string, JobV3>();
    for (const [id, entry] of Object.entries(entries)) {
      const parsed = jobSchemaV3.safeParse(entry);
      if (!parsed.success) {
        writes.push(keep(id, parsed.error.issues.map((i) => `${i.path.join('.') || '(job)'}: ${i.message}`).join('; '), entry));
      } else if (parsed.data.id !== id) {
        writes.push(keep(id, `stored under "${id}" but its id is "${parsed.data.id}"`, entry));
      } else {
        readable.set(id, parsed.data);
      }
    }
    const plan = planGroups([...readable.values()]);
    const members = new Map(plan.members.map((member) => [member.id, member]));
    const parents = new Set(plan.removed);
    for (const { id, problem } of plan.kept) {
      parents.add(id);
      writes.push(keep(id, problem, entries[id]));
    }
    for (const [id, old] of readable) {
      if (parents.has(id)) continue;
      let job: Job | undefined = members.get(id);
      if (!job) {
        const step = jobV3toV4(old);
        if ('problem' in step) {
          writes.push(keep(id, step.problem, entries[id]));
          continue;
        }
        job = step.job;
      }
      const record = { ...withoutUndefined(job), v: jobRecordVersion } as JobRecord;
      writes.push(
        jobs.get(id).then((existing) => {
          if (existing) return;
          report.moved += 1;
          return jobs.put(record);
        }),
      );
    }
  }
  await Promise.all([...writes, tx.done]);
  await legacy.remove();
  return report;
}
