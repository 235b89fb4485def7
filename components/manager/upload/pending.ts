import type { PublicAccount } from '../../../lib/accounts';
import type { UploadHostInfo } from '../../../lib/accounts/upload-fit';
import { formatBytes } from '../../format/values';
import { t } from '../../../lib/i18n';
import { isVideoFile } from '../../../lib/accounts/upload-fit';

// Files picked in the Upload tab but not queued yet, with their fields.
// Pure helpers, so the rules are unit-tested without a browser.

export interface PendingFields {
  title: string;
  description: string;
  folderId: string;
  categoryId: string;
  tags: string;
  public: boolean;
  adult: boolean;
}

export interface PendingFile {
  key: string;
  file: File;
  fields: PendingFields;
  snapshot?: File;
  snapshotError?: string;
}

/** Defaults come from the account's settings (Options > account > defaults). */
export function defaultFields(account: PublicAccount | undefined): PendingFields {
  const d = account?.defaults ?? {};
  return {
    title: '',
    description: '',
    folderId: d.folderId ?? '',
    categoryId: d.categoryId ?? '',
    tags: d.tags ?? '',
    public: d.public ?? true,
    adult: d.adult ?? false,
  };
}

/** Fields still at the old defaults take the new ones; anything changed by hand (or the batch bar) stays. */
export function rebaseDefaults(fields: PendingFields, before: PendingFields, next: PendingFields): PendingFields {
  const out = { ...fields };
  for (const key of ['folderId', 'categoryId', 'tags', 'public', 'adult'] as const) {
    if (fields[key] === before[key]) (out as Record<string, unknown>)[key] = next[key];
  }
  return out;
}

/** Only video files; anything else is listed so the user knows why it was skipped. */
export function splitVideos(files: readonly File[]): { videos: File[]; skipped: File[] } {
  const videos: File[] = [];
  const skipped: File[] = [];
  for (const file of files) {
    (isVideoFile(file) ? videos : skipped).push(file);
  }
  return { videos, skipped };
}

/** Why this snapshot cannot go to this host, or undefined when it can. */
export function snapshotProblem(snapshot: File, host: UploadHostInfo | undefined): string | undefined {
  if (!host) return undefined;
  if (!host.snapshots) return t('upNoSnapshot', host.label);
  if (snapshot.type && !snapshot.type.startsWith('image/')) return t('upSnapshotNotImage');
  if (host.snapshotMaxBytes !== undefined && snapshot.size > host.snapshotMaxBytes) {
    return t('upSnapshotTooBig', [formatBytes(snapshot.size), host.label, formatBytes(host.snapshotMaxBytes)]);
  }
  return undefined;
}

/** Upload options as the queue stores them: empty fields are left to the host. */
export function toOptions(fields: PendingFields, host: UploadHostInfo | undefined) {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    title: text(fields.title),
    description: text(fields.description),
    folderId: text(fields.folderId),
    categoryId: text(fields.categoryId),
    tags: text(fields.tags),
    public: fields.public,
    ...(host?.adultFlag === false ? {} : { adult: fields.adult }),
  };
}

/** What the batch bar sets; an undefined field is left as each file has it. */
export interface BatchPatch {
  titlePattern?: string;
  tags?: string;
  folderId?: string;
  public?: boolean;
  adult?: boolean;
}

/**
 * A title from a pattern: `{name}` is the file name without its extension,
 * `{ext}` the extension, `{n}` the file's place among those the pattern is
 * applied to (1, 2, …) and `{nn}` the same with two digits.
 */
export function titleFromPattern(pattern: string, file: File, n: number): string {
  const dot = file.name.lastIndexOf('.');
  const base = dot > 0 ? file.name.slice(0, dot) : file.name;
  const ext = dot > 0 ? file.name.slice(dot + 1) : '';
  return pattern
    .replace(/\{name\}/g, base)
    .replace(/\{ext\}/g, ext)
    .replace(/\{nn\}/g, String(n).padStart(2, '0'))
    .replace(/\{n\}/g, String(n))
    .trim();
}

/** The list with `patch` applied to the chosen files (all when `keys` is 'all'), others untouched. */
export function applyBatch(list: readonly PendingFile[], keys: ReadonlySet<string> | 'all', patch: BatchPatch): PendingFile[] {
  let n = 0;
  return list.map((item) => {
    if (keys !== 'all' && !keys.has(item.key)) return item;
    n += 1;
    const fields = { ...item.fields };
    if (patch.titlePattern?.trim()) fields.title = titleFromPattern(patch.titlePattern, item.file, n);
    if (patch.tags !== undefined) fields.tags = patch.tags;
    if (patch.folderId !== undefined) fields.folderId = patch.folderId;
    if (patch.public !== undefined) fields.public = patch.public;
    if (patch.adult !== undefined) fields.adult = patch.adult;
    return { ...item, fields };
  });
}
