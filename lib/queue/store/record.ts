import { parseJob, type Job } from '../model/job';
import { jobRecordVersion } from './db';
import { jobV3toV4 } from './migrate-groups';
import { jobV4toV5 } from './migrate-v5';

// One stored job record checked on its way out of the database. A record
// from a newer version, or one that fails the schema, is not a job this
// build can use: the caller keeps it out of the queue and reports it. An
// older record reads through the steps one version at a time (2 -> 3 adds
// only an optional field; 3 -> 4 is lib/queue/store/migrate-groups.ts;
// 4 -> 5 is lib/queue/store/migrate-v5.ts).

export type Decoded = { job: Job } | { id: string; problem: string };

export function decodeRecord(record: unknown): Decoded {
  const id = String((record as { id?: unknown } | null)?.id ?? '?');
  if (!record || typeof record !== 'object') return { id, problem: 'not a job record' };
  const { v, ...fields } = record as { v?: unknown } & Record<string, unknown>;
  if (typeof v !== 'number' || !Number.isInteger(v)) return { id, problem: 'the record has no version' };
  if (v > jobRecordVersion) return { id, problem: `written by a newer VidRelay (record version ${v}); update VidRelay to use it` };
  if (v < jobRecordVersion) {
    const v4 = v < 4 ? jobV3toV4(fields) : { job: fields };
    const step = 'job' in v4 ? jobV4toV5(v4.job) : v4;
    return 'job' in step ? step : { id, problem: step.problem };
  }
  const parsed = parseJob(fields);
  if (!parsed.success) return { id, problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(job)'}: ${i.message}`).join('; ') };
  return { job: parsed.data };
}
