import type { Job } from '../../lib/queue/model/job';
import { entriesOf, jobSource, type JobEntry } from '../../lib/queue/model/group';
import { t } from '../../lib/i18n';

// What a screen reader hears about the queue, through one polite live region:
// a job starting, finishing or failing, always; its progress only in steps of
// a tenth, and then at most once per progressGapMs over all jobs, so several
// uploads ticking many times a second never flood the reader. The jobs a page
// finds when it opens are taken as they are, without a word.

export const progressGapMs = 5000;

type Phase = 'waiting' | 'started' | 'finished' | 'failed';

interface Seen {
  phase: Phase;
  /** The tenth of progress last announced (or found on opening). */
  step: number;
}

export interface AnnounceMemory {
  seen: Map<string, Seen>;
  lastProgressAt: number;
}

function phaseOf(entry: JobEntry): Phase {
  if (entry.state === 'ready') return 'finished';
  if (entry.state === 'failed' || entry.state === 'interrupted') return 'failed';
  if (entry.state === 'sending' || entry.state === 'uploading' || entry.state === 'encoding') return 'started';
  return 'waiting';
}

/** Percent done, where the row shows a bar: bytes sent, the host's encoding, or a mirror's members ready. */
function percentOf(entry: JobEntry): number | undefined {
  if (entry.kind === 'mirror' || entry.kind === 'remote') return entry.state === 'ready' ? undefined : entry.progress;
  if (entry.state !== 'uploading' && entry.state !== 'sending') return undefined;
  return entry.bytesTotal ? ((entry.bytesSent ?? 0) / entry.bytesTotal) * 100 : undefined;
}

function nameOf(entry: JobEntry): string {
  if (entry.kind === 'mirror') return entry.title || entry.file?.name || entry.url || entry.id;
  return entry.title || jobSource(entry) || entry.id;
}

const stepOf = (percent: number | undefined) => (percent === undefined ? 0 : Math.floor(percent / 10));

const phaseWords = { started: 'a11yJobStarted', finished: 'a11yJobFinished', failed: 'a11yJobFailed' } as const;

/**
 * The sentences to announce for the jobs now shown, and the memory to pass next
 * time (undefined the first time: the page just opened).
 */
export function announce(memory: AnnounceMemory | undefined, jobs: readonly Job[], now: number): { said: string[]; memory: AnnounceMemory } {
  const entries = entriesOf(jobs);
  const seen = new Map<string, Seen>();
  const said: string[] = [];
  let lastProgressAt = memory?.lastProgressAt ?? Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    const phase = phaseOf(entry);
    const step = stepOf(percentOf(entry));
    const before = memory?.seen.get(entry.id);
    if (!memory) {
      seen.set(entry.id, { phase, step });
      continue;
    }
    if (phase !== 'waiting' && phase !== before?.phase) {
      said.push(t(phaseWords[phase], nameOf(entry)));
      seen.set(entry.id, { phase, step });
      continue;
    }
    const percent = percentOf(entry);
    if (phase === 'started' && percent !== undefined && step > (before?.step ?? 0) && step < 10 && now - lastProgressAt >= progressGapMs) {
      said.push(t('a11yJobProgress', [nameOf(entry), String(step * 10)]));
      lastProgressAt = now;
      seen.set(entry.id, { phase, step });
      continue;
    }
    seen.set(entry.id, { phase, step: before?.step ?? step });
  }
  return { said, memory: { seen, lastProgressAt } };
}
