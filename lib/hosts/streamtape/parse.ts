// Streamtape's account, folder and file replies. Files are named by
// `linkid`, folders by text ids ("B-qlJkdHFeo"); the file list sends
// `created_at` as milliseconds since 1970 and the running converts their
// progress as a share (0.75).
import { asArray, asDate, asId, asNumber, asObject, asString, compact, pick, type Json } from '../coerce';
import { badShape } from '../shape';
import type { AccountInfo, Encoding, FileStatus, Folder, FolderListing, RemoteFile } from '../types';

/** A watch or embed link's file id: https://streamtape.com/v/<linkid>/<name>. */
export function linkIdFromUrl(value: unknown): string | undefined {
  const text = asString(value);
  if (!text) return undefined;
  try {
    return /^\/[ve]\/([A-Za-z0-9_-]{1,64})(?:\/|$)/.exec(new URL(text).pathname)?.[1];
  } catch {
    return undefined;
  }
}

export function linkIdOf(o: Json): string | undefined {
  return asId(pick(o, 'linkid', 'link_id')) ?? linkIdFromUrl(pick(o, 'link', 'url'));
}

/** Milliseconds (or seconds, if a host sends those) since 1970 as ISO; other text as the host wrote it. */
function fromEpoch(value: unknown): string | undefined {
  const n = asNumber(value);
  if (n === undefined) return asDate(value);
  if (n <= 0) return undefined;
  const date = new Date(n > 100_000_000_000 ? n : n * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function parseStreamtapeAccount(result: unknown): AccountInfo {
  const o = asObject(result) ?? badShape('account info is not an object');
  return compact({ email: asString(o.email) });
}

function convertStatus(value: unknown): FileStatus {
  const text = asString(value)?.trim().toLowerCase();
  if (!text) return 'unknown';
  if (text === 'converted' || text === 'ok' || text === 'done') return 'ready';
  if (/fail|error/.test(text)) return 'failed';
  return 'encoding';
}

function fileOf(entry: unknown, folderId: string | undefined): RemoteFile | undefined {
  const o = asObject(entry);
  const fileCode = o && linkIdOf(o);
  if (!o || !fileCode) return undefined;
  return compact({
    fileCode,
    title: asString(pick(o, 'name', 'title')),
    status: convertStatus(o.convert),
    size: asNumber(o.size),
    downloads: asNumber(o.downloads),
    uploaded: fromEpoch(o.created_at),
    link: asString(o.link),
    folderId: asId(pick(o, 'folderid', 'folder')) ?? folderId,
  });
}

function folderOf(entry: unknown, parentId: string | undefined): Folder | undefined {
  const o = asObject(entry);
  const folderId = o && asId(pick(o, 'id', 'folderid'));
  if (!o || !folderId) return undefined;
  return compact({ folderId, name: asString(o.name) ?? '', parentId });
}

/** file/listfolder: the folder's subfolders and files together. */
export function parseListing(result: unknown, folderId?: string): FolderListing {
  const o = asObject(result) ?? badShape('folder listing is not an object');
  const list = (value: unknown, what: string) => asArray(value) ?? (value === undefined || value === null ? [] : badShape(`${what} is not a list`));
  return {
    folders: list(o.folders, 'folders')
      .map((f) => folderOf(f, folderId))
      .filter((f): f is Folder => f !== undefined),
    files: list(o.files, 'files')
      .map((f) => fileOf(f, folderId))
      .filter((f): f is RemoteFile => f !== undefined),
  };
}

export function parseCreatedFolder(result: unknown, name: string, parentId?: string): Folder {
  const o = asObject(result);
  const folderId = (o && asId(pick(o, 'folderid', 'id'))) ?? asId(result) ?? badShape('no folder id in the reply');
  return compact({ folderId, name, parentId });
}

/** A share (0..1) as the percent every Encoding carries; a host already sending percent keeps it. */
function percent(value: unknown): number {
  const n = asNumber(value) ?? 0;
  return Math.min(100, Math.max(0, n <= 1 ? n * 100 : n));
}

/** file/runningconverts: the files still being converted. */
export function parseConverts(result: unknown): Encoding[] {
  const rows = asArray(result) ?? (result === undefined || result === null ? [] : badShape('running converts is not a list'));
  return rows.flatMap((row): Encoding[] => {
    const o = asObject(row);
    const fileCode = o && linkIdOf(o);
    if (!o || !fileCode) return [];
    return [compact({ fileCode, title: asString(o.name), progress: percent(o.progress), status: asString(o.status) ?? 'unknown', link: asString(o.link) })];
  });
}
