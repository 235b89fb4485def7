import type { HostClient } from '../../hosts/types';
import type { Job } from '../model/job';

// Before a job is sent again after a send whose outcome is unknown (dropped
// connection, timeout, 5xx, a restart mid-request), look on the host: a
// second upload/url or upload POST would make a duplicate file. The runner
// does the looking (lib/queue/runner/send-outcomes.ts); it sits here, below
// the runner, because the drivers' port names what it finds (LandedCheck).

/** What the host probably calls the video: the title asked for, else the URL's file name. */
export function titleHint(job: { options?: Job['options']; title?: string; url?: string }): string | undefined {
  const asked = job.options?.title ?? job.title;
  if (asked?.trim()) return asked;
  if (!job.url) return undefined;
  try {
    const last = new URL(job.url).pathname.split('/').filter(Boolean).pop();
    // Only a file name says what the host will call it; "/watch" or "/embed" says nothing.
    return last && /\.[a-z0-9]{2,5}$/i.test(last) ? decodeURIComponent(last) : undefined;
  } catch {
    return undefined;
  }
}

function normalize(title: string): string {
  return title
    .replace(/\.[a-z0-9]{2,4}$/i, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Hosts drop extensions, swap separators and cut long titles. */
export function sameTitle(a: string, b: string): boolean {
  const x = normalize(a);
  const y = normalize(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 8 && long.startsWith(short);
}

export type LandedCheck = { found: string } | { found: false } | { unknown: string };

/** Of the given file codes, those other jobs already own. */
export type TakenCodes = ReadonlySet<string> | ((codes: string[]) => Promise<ReadonlySet<string>>);

/**
 * `taken` tells which file codes other jobs already own, so two jobs never
 * claim the same file. Errors from the host propagate to the caller.
 */
export async function findLanded(client: HostClient, job: Job, takenCodes: TakenCodes, now: number): Promise<LandedCheck> {
  const ownedAmong = async (codes: string[]) => (typeof takenCodes === 'function' ? takenCodes(codes) : takenCodes);
  if (!client.capabilities.has('listFiles')) {
    return { unknown: 'this host cannot list files' };
  }
  const since = job.sentAt ?? job.createdAt;
  // A few minutes of slack for clock skew between this machine and the host.
  const created = Math.ceil(Math.max(0, now - since) / 60_000) + 5;
  const { files } = await client.listFiles({ created, perPage: 100 });
  const taken = await ownedAmong(files.map((file) => file.fileCode));
  const fresh = files.filter((file) => !taken.has(file.fileCode));
  const hint = titleHint(job);
  if (!hint) {
    return fresh.length ? { unknown: 'the link has no file name to look for' } : { found: false };
  }
  // A file upload knows its size: a host that reports sizes must report this one.
  const size = job.kind === 'file' ? job.file.size : undefined;
  const sizeFits = (file: { size?: number }) => size === undefined || file.size === undefined || file.size === size;
  const listed = fresh.find((file) => file.title && sameTitle(file.title, hint) && sizeFits(file));
  if (listed) return { found: listed.fileCode };
  // A remote upload still being fetched or encoded may be missing from the list but sit in the encoding queue.
  if (client.capabilities.has('encodings')) {
    const queue = await client.encodings();
    const queued = await ownedAmong(queue.map((entry) => entry.fileCode));
    const encoding = queue.find((entry) => !queued.has(entry.fileCode) && entry.title && sameTitle(entry.title, hint));
    if (encoding) return { found: encoding.fileCode };
  }
  return { found: false };
}
