import { parseJob } from '../model/job';
import type { StepResult } from './migrate-groups';

// The step from job record version 4 to 5. Version 5 adds two optional
// fields: `secondCopy` on any job (other files the host made from the same
// send) and `stream` on a relay ('hls': its URL is a media playlist whose
// segments are joined into one file; an older build would upload the
// playlist's text as the video). A version 4 job reads as it is; a version 4
// record carrying either field was not written by any version 4 build and is
// refused.

const addedInV5 = ['secondCopy', 'stream'] as const;

export function jobV4toV5(fields: Record<string, unknown>): StepResult {
  for (const name of addedInV5) {
    if (Object.hasOwn(fields, name)) return { problem: `${name}: a version 4 record has no such field` };
  }
  const parsed = parseJob(fields);
  if (parsed.success) return { job: parsed.data };
  return { problem: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(job)'}: ${i.message}`).join('; ') };
}
