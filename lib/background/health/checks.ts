import { browser } from 'wxt/browser';
import { z } from '../../zod';
import { problemText, readVersioned } from '../../storage/versioned-record';
import type { VersionedItem } from '../../storage/versioned-item';
import { isAppError } from '../../errors';
import { checkHealth, countNewProblems, type HealthSnapshot, type HealthStatus, type HealthTarget } from '../../links/health';
import type { HostClient } from '../../hosts/types';

// Link health: which files of the history (or a selection) still play. Results
// persist so the manager can mark rows after a restart, and new problems are
// counted on the toolbar badge until the user has looked at them. The stored
// record is declared in lib/background/stored/link-health.ts and handed in.

export type { HealthSnapshot, HealthStatus, HealthTarget };

const healthStatuses = ['ok', 'missing', 'dmca', 'deleted', 'unknown'] as const;

const healthSchema = z.object({
  checkedAt: z.number().optional(),
  entries: z.record(z.string(), z.object({ status: z.enum(healthStatuses), checkedAt: z.number() })),
  unseen: z.number().int().min(0),
});
export type StoredHealth = z.infer<typeof healthSchema>;

/** How the stored record is read: its version and shape. */
export const healthOptions = { version: 1, schema: healthSchema } as const;

/** Two records of results as one: each file's later result, the later check time, the larger unseen count. */
export function mergeHealth(kept: StoredHealth, older: StoredHealth): StoredHealth {
  const entries = { ...older.entries };
  for (const [key, entry] of Object.entries(kept.entries)) if (!entries[key] || entries[key].checkedAt <= entry.checkedAt) entries[key] = entry;
  const checkedAt = Math.max(kept.checkedAt ?? 0, older.checkedAt ?? 0) || undefined;
  return { ...(checkedAt ? { checkedAt } : {}), entries, unseen: Math.max(kept.unseen, older.unseen) };
}

/** The stored results, as the health service uses them. */
export type HealthItem = Pick<VersionedItem<StoredHealth>, 'get' | 'raw' | 'update' | 'problem' | 'assertWritable'>;

const problems: ReadonlySet<HealthStatus> = new Set(['missing', 'dmca', 'deleted']);

/** The count alone: the badge after a browser start must not check every one of up to 50,000 results (half a second of the worker). */
const unseenOptions = { version: healthOptions.version, schema: z.object({ unseen: healthSchema.shape.unseen }) } as const;

/** Link problems found but not yet looked at, as stored (0 while the count cannot be read). */
export async function unseenProblems(item: Pick<HealthItem, 'raw'>): Promise<number> {
  const raw = await item.raw();
  const read = raw == null ? undefined : readVersioned(raw, unseenOptions);
  return read?.ok ? read.value.unseen : 0;
}
// Keeps storage bounded; the oldest checks go first.
const maxEntries = 50_000;

export interface HealthDeps {
  /** Where the results are kept. */
  item: HealthItem;
  clientFor(accountId: string): Promise<HostClient>;
  historyTargets(): Promise<HealthTarget[]>;
  now?: () => number;
  batchSize?: number;
  /** Shows the unseen-problem count; the background passes the one badge owner (lib/background/jobs/badge.ts). */
  showProblems?(count: number): Promise<void>;
}

const keyOf = (t: HealthTarget) => `${t.accountId}:${t.code}`;

function splitKey(key: string): HealthTarget {
  const at = key.indexOf(':');
  return { accountId: key.slice(0, at), code: key.slice(at + 1) };
}

function toSnapshot(stored: StoredHealth, last?: HealthSnapshot['last']): HealthSnapshot {
  const entries = Object.entries(stored.entries).map(([key, e]) => ({ ...splitKey(key), ...e }));
  return { checkedAt: stored.checkedAt, entries, unseen: stored.unseen, ...(last ? { last } : {}) };
}

async function setBadge(count: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
    if (count > 0) await browser.action.setBadgeBackgroundColor({ color: '#cf222e' });
  } catch {
    // A missing badge must never fail a check.
  }
}

async function optionalList<T>(client: HostClient, capability: 'dmcaFiles' | 'deletedFiles', load: () => Promise<T[]>): Promise<T[] | undefined> {
  if (!client.capabilities.has(capability)) return undefined;
  try {
    return await load();
  } catch {
    return undefined;
  }
}

/** Statuses for one account's codes; every code is 'unknown' when the account cannot be reached. */
async function checkAccount(deps: HealthDeps, accountId: string, codes: string[]): Promise<Map<string, HealthStatus>> {
  let client: HostClient;
  try {
    client = await deps.clientFor(accountId);
  } catch {
    return new Map(codes.map((c) => [c, 'unknown']));
  }
  const dmca = await optionalList(client, 'dmcaFiles', () => client.dmcaFiles());
  const deleted = await optionalList(client, 'deletedFiles', () => client.deletedFiles());
  const fileInfo = client.capabilities.has('fileInfo') ? (batch: string[]) => client.fileInfo(batch) : async () => [];
  return checkHealth(codes, fileInfo, { dmca, deleted, batchSize: deps.batchSize ?? 50 });
}

export function createHealth(deps: HealthDeps) {
  const { item } = deps;
  const now = deps.now ?? (() => Date.now());
  const showProblems = deps.showProblems ?? setBadge;

  async function check(targets: HealthTarget[]): Promise<HealthSnapshot> {
    // Results that cannot be read are never written over: refuse before asking any host.
    await item.assertWritable();
    const byAccount = new Map<string, string[]>();
    for (const t of targets) {
      const list = byAccount.get(t.accountId) ?? [];
      if (!list.includes(t.code)) list.push(t.code);
      byAccount.set(t.accountId, list);
    }
    const found = new Map<string, HealthStatus>();
    for (const [accountId, codes] of byAccount) {
      const statuses = await checkAccount(deps, accountId, codes);
      for (const [code, status] of statuses) found.set(keyOf({ accountId, code }), status);
    }
    let last: HealthSnapshot['last'];
    const stored = await item.update((current) => {
      const prev = new Map<string, HealthStatus>();
      const next = new Map<string, HealthStatus>();
      const at = now();
      const entries = { ...current.entries };
      for (const [key, status] of found) {
        const before = current.entries[key]?.status;
        if (before) prev.set(key, before);
        // A failed check keeps what we knew before rather than forgetting a problem.
        const kept = status === 'unknown' && before ? before : status;
        next.set(key, kept);
        entries[key] = { status: kept, checkedAt: at };
      }
      const newProblems = countNewProblems(prev, next);
      const values = [...found.values()];
      last = {
        checked: found.size,
        problems: [...next.values()].filter((s) => problems.has(s)).length,
        unknown: values.filter((s) => s === 'unknown').length,
        newProblems,
      };
      return { checkedAt: at, entries: prune(entries), unseen: current.unseen + newProblems };
    });
    await showProblems(stored.unseen);
    return toSnapshot(stored, last);
  }

  return {
    check,
    checkHistory: async () => check(await deps.historyTargets()),
    /**
     * The daily alarm's check. Nobody awaits an alarm, so it never rejects:
     * while the stored results cannot be read it is skipped and reported
     * (they stay as they are, listed in Options); any other failure is
     * reported by its code and the next alarm tries again.
     */
    scheduledCheck: async (): Promise<HealthSnapshot | undefined> => {
      try {
        const problem = await item.problem();
        if (problem) {
          console.warn(
            `VidRelay: daily link health check skipped: the stored link health results could not be read and are kept as they are (${problemText(problem)}) See Options.`,
          );
          return undefined;
        }
        return await check(await deps.historyTargets());
      } catch (error) {
        console.warn(`VidRelay: daily link health check failed (${isAppError(error) ? error.code : 'unexpected error'}); the next one tries again.`);
        return undefined;
      }
    },
    status: async () => toSnapshot(await item.get()),
    seen: async () => {
      const stored = await item.update((current) => ({ ...current, unseen: 0 }));
      await showProblems(0);
      return toSnapshot(stored);
    },
    /** A restarted browser shows no badge until it is set again. */
    restoreBadge: async () => showProblems(await unseenProblems(item)),
  };
}

export type HealthService = ReturnType<typeof createHealth>;

function prune(entries: StoredHealth['entries']): StoredHealth['entries'] {
  const keys = Object.keys(entries);
  if (keys.length <= maxEntries) return entries;
  const kept = keys.sort((a, b) => entries[b].checkedAt - entries[a].checkedAt).slice(0, maxEntries);
  return Object.fromEntries(kept.map((k) => [k, entries[k]]));
}

/** The files the history knows: ready jobs with a file code, each once. */
export function historyTargetsOf(jobs: readonly { accountId: string; fileCode?: string; state: string }[]): HealthTarget[] {
  const seen = new Set<string>();
  const out: HealthTarget[] = [];
  for (const job of jobs) {
    if (job.state !== 'ready' || !job.fileCode) continue;
    const target = { accountId: job.accountId, code: job.fileCode };
    if (seen.has(keyOf(target))) continue;
    seen.add(keyOf(target));
    out.push(target);
  }
  return out;
}
