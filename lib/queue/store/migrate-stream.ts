import { jobSchema, type Job } from '../model/job';
import type { StepResult } from './migrate-groups';

// The step from job record version 4 to 5. Version 5 lets a relay name a
// stream (`stream: 'hls'`: its URL is a media playlist whose segments are
// joined into one file). A version 4 record never has one, and reads as it
// is; the version moved so that an older VidRelay, which would upload the
// playlist's text as the video, leaves such a relay alone.

export function jobV4toV5(raw: unknown): StepResult {
  if (raw && typeof raw === 'object' && 'stream' in raw) return { problem: 'stream: a version 4 record cannot name a stream' };
  const parsed = jobSchema.safeParse(raw);
  if (parsed.success) return { job: parsed.data as Job };
  return { problem: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(job)'}: ${i.message}`).join('; ') };
}
