import { z } from '../../zod';
import { readVersioned } from '../../storage/versioned-record';
import type { VersionedItem } from '../../storage/versioned-item';
import { jobSchema, type Job } from '../../queue/model/job';
import { recentJobs } from '../../queue/store/recent';
import type { JobStore } from '../../queue/store';
import { recentCopyLimit } from '../../protocol/recent-copy';

// A copy of the popup's newest jobs in storage.local, kept by the background.
// Right after a browser start, opening a job database that holds 100,000
// jobs takes Chromium a few hundred milliseconds; the popup's first answer
// comes from this copy meanwhile, and every answer after the database is
// open comes from the database. The copy is only ever a copy: when the
// database opens, a copy that differs from it (a change the last worker had
// no time to copy) is rewritten and the pages that were answered from it
// are told to ask again. A stored copy this build cannot read is not used,
// not overwritten, and reported with the other unreadable entries. The stored
// copy is declared in lib/background/stored/recent-copy.ts and handed in.

/** A burst of changes (a batch of sends) is copied once, this long after its last change. */
const copyDelayMs = 1_000;

const copySchema = z.object({
  /** The `jobs.list` limit these rows answer. */
  limit: z.number().int().positive(),
  /** recentJobs(store, limit) as it was: the rows, then the other members of any mirror among them. */
  jobs: z.array(jobSchema),
  copiedAt: z.number(),
});
export type RecentCopy = z.infer<typeof copySchema>;

/** How the stored copy is read: its version and shape. */
export const copyOptions = { version: 1, schema: copySchema } as const;

export interface RecentCopyDeps {
  store: Pick<JobStore, 'ready' | 'recent' | 'members' | 'watch'>;
  item: Pick<VersionedItem<RecentCopy>, 'raw' | 'set'>;
  /** Pages answered from a copy the database then contradicted: ask them again. */
  onStale(): void;
  now?: () => number;
  delayMs?: number;
}

export interface RecentJobsAnswer {
  /** The newest rows: from the copy while the database is still opening, from the database after. */
  list(limit: number): Promise<Job[]>;
  /** Resolves once the copy matches the database (tests). */
  settled(): Promise<void>;
}

export function createRecentJobs(deps: RecentCopyDeps): RecentJobsAnswer {
  const { item } = deps;
  const now = deps.now ?? Date.now;
  const delayMs = deps.delayMs ?? copyDelayMs;
  let open = false;
  let answeredFromCopy = false;
  /** What the stored copy holds, as JSON of its jobs; undefined until known. */
  let copied: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();

  const readCopy = async (): Promise<RecentCopy | undefined | 'unreadable'> => {
    const raw = await item.raw();
    if (raw == null) return undefined;
    const read = readVersioned(raw, copyOptions);
    return read.ok ? read.value : 'unreadable';
  };

  /** Bring the copy in line with the database; one at a time. */
  const copy = (): Promise<void> => {
    chain = chain.then(async () => {
      const jobs = await recentJobs(deps.store, recentCopyLimit);
      const text = JSON.stringify(jobs);
      if (copied === undefined) {
        const stored = await readCopy();
        // A copy this build cannot read is left as it is (and looked at again on the next change).
        if (stored === 'unreadable') return;
        copied = stored && stored.limit === recentCopyLimit ? JSON.stringify(stored.jobs) : '';
      }
      const stale = answeredFromCopy && text !== copied;
      answeredFromCopy = false;
      if (text === copied) return;
      try {
        await item.set({ limit: recentCopyLimit, jobs, copiedAt: now() });
        copied = text;
      } catch (error) {
        // Refused (the stored copy became unreadable meanwhile) or the browser failed the write: the database still answers.
        copied = undefined;
        console.warn('VidRelay: the copy of the newest jobs was not written', error);
      }
      if (stale) deps.onStale();
    });
    return chain.catch((error: unknown) => console.warn('VidRelay: copying the newest jobs failed', error));
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void copy();
    }, delayMs);
  };

  const opened = deps.store.ready().then(
    () => {
      open = true;
      return copy();
    },
    // A database that does not open is reported by every request that needs it, not hidden behind the copy.
    () => {
      open = true;
    },
  );
  deps.store.watch(() => {
    if (open) schedule();
  });

  return {
    list: async (limit) => {
      if (!open && limit === recentCopyLimit) {
        const stored = await readCopy().catch(() => undefined);
        if (!open && stored && stored !== 'unreadable' && stored.limit === limit) {
          answeredFromCopy = true;
          return stored.jobs;
        }
      }
      return recentJobs(deps.store, limit);
    },
    settled: async () => {
      await opened;
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        await copy();
      }
      await chain;
    },
  };
}
