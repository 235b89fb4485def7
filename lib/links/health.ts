// Link health: which of the user's file codes still play. File info takes many
// codes per call, so codes go out in batches; one failed batch only makes its
// own codes 'unknown'.

import { AppError } from '../errors';
import type { DeletedFile, DmcaFile, RemoteFile } from '../hosts/types';

export type HealthStatus = 'ok' | 'missing' | 'dmca' | 'deleted' | 'unknown';

export interface HealthTarget {
  accountId: string;
  code: string;
}

interface HealthEntry extends HealthTarget {
  status: HealthStatus;
  checkedAt: number;
}

/** What the background answers about link health (stored checks plus the badge count). */
export interface HealthSnapshot {
  checkedAt?: number;
  entries: HealthEntry[];
  /** Problems found since the user last looked (the badge count). */
  unseen: number;
  /** Figures of the check that produced this snapshot, if it was one. */
  last?: { checked: number; problems: number; unknown: number; newProblems: number };
}

export interface HealthOptions {
  /** Codes per file-info call (default 50). */
  batchSize?: number;
  dmca?: DmcaFile[];
  deleted?: DeletedFile[];
}

const problems: ReadonlySet<HealthStatus> = new Set(['missing', 'dmca', 'deleted']);

export async function checkHealth(
  codes: string[],
  fileInfo: (codes: string[]) => Promise<RemoteFile[]>,
  options: HealthOptions = {},
): Promise<Map<string, HealthStatus>> {
  const batchSize = options.batchSize ?? 50;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new AppError('invalid_input', `Batch size must be a whole number of at least 1, not ${batchSize}.`);
  }
  const deleted = new Set(options.deleted?.map((file) => file.fileCode));
  const dmca = new Set(options.dmca?.map((file) => file.fileCode));
  const result = new Map<string, HealthStatus>();
  const toAsk: string[] = [];
  for (const code of codes) {
    if (result.has(code)) continue;
    // The host's own lists are final, so those codes need no file-info call.
    if (deleted.has(code)) result.set(code, 'deleted');
    else if (dmca.has(code)) result.set(code, 'dmca');
    else {
      result.set(code, 'unknown');
      toAsk.push(code);
    }
  }
  // Sequential on purpose: hosts rate-limit per key.
  for (let start = 0; start < toAsk.length; start += batchSize) {
    const batch = toAsk.slice(start, start + batchSize);
    let files: RemoteFile[];
    try {
      files = await fileInfo(batch);
    } catch {
      continue;
    }
    const asked = new Set(batch);
    for (const file of files) {
      if (asked.has(file.fileCode)) result.set(file.fileCode, file.status === 'missing' ? 'missing' : 'ok');
    }
  }
  return result;
}

/** Codes that are a problem in `next` but were not one in `prev` (for the toolbar badge). */
export function countNewProblems(prev: ReadonlyMap<string, HealthStatus>, next: ReadonlyMap<string, HealthStatus>): number {
  let count = 0;
  for (const [code, status] of next) {
    const before = prev.get(code);
    if (problems.has(status) && !(before && problems.has(before))) count++;
  }
  return count;
}
