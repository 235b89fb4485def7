import { parseJob } from '../model/job';
import type { StepResult } from './migrate-groups';

// The step from job record version 4 to 5. Version 5 adds one optional
// field, `secondCopy` (other files the host made from the same send), so a
// version 4 job reads as it is; a version 4 record that already carries
// that field was not written by any version 4 build and is refused.

export function jobV4toV5(fields: Record<string, unknown>): StepResult {
  if (Object.hasOwn(fields, 'secondCopy')) return { problem: 'secondCopy: a version 4 record has no such field' };
  const parsed = parseJob(fields);
  if (parsed.success) return { job: parsed.data };
  return { problem: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(job)'}: ${i.message}`).join('; ') };
}
