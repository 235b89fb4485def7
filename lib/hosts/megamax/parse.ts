import { asArray, asDate, asId, asNumber, asObject, asString, compact, pick, asWebUrl } from '../coerce';
import { badShape } from '../shape';
import type { DirectLinks, FileList, FileStatus, MirrorGroup, RemoteFile, UploadedFile } from '../types';

const statusMap: Record<string, FileStatus> = {
  converted: 'ready',
  onqueue: 'queued',
  transferring: 'encoding',
  processing: 'encoding',
  converting: 'encoding',
  failed: 'failed',
};

function fileStatus(value: unknown): FileStatus {
  const text = asString(value)?.trim().toLowerCase();
  return (text && statusMap[text]) || 'unknown';
}

/** Poster names are bare file names; only absolute URLs are usable as thumbnails. */

function parseMegamaxFile(entry: unknown): RemoteFile | undefined {
  const o = asObject(entry);
  const fileCode = o && asId(pick(o, 'hashid', 'file_code', 'id'));
  if (!o || !fileCode) return undefined;
  return compact({
    fileCode,
    title: asString(pick(o, 'name', 'title')),
    status: fileStatus(o.status),
    size: asNumber(o.size),
    views: asNumber(o.views),
    length: asNumber(pick(o, 'duration', 'length')),
    uploaded: asDate(pick(o, 'created_at', 'uploaded_at')),
    thumbnail: asWebUrl(o.poster),
    folderId: asId(o.folder),
  });
}

export function parseMegamaxFileInfo(result: unknown): RemoteFile {
  return parseMegamaxFile(result) ?? badShape('no file in the reply');
}

export function parseMegamaxList(result: unknown): FileList {
  // Accept a Laravel paginator ({data, total, last_page}) as well as the documented list.
  const page = asObject(result);
  const rows = asArray(result) ?? (page && asArray(page.data)) ?? badShape('file list is not a list');
  const files = rows.map(parseMegamaxFile).filter((f): f is RemoteFile => f !== undefined);
  return compact({
    files,
    total: (page && asNumber(page.total)) ?? (page ? undefined : files.length),
    pages: page ? asNumber(page.last_page) : undefined,
  });
}

export function parseMegamaxDirect(result: unknown): DirectLinks {
  const rows = asArray(result) ?? (asObject(result) ? [result] : badShape('direct links are not a list'));
  const versions = rows.flatMap((row) => {
    const o = asObject(row);
    const url = o && asString(pick(o, 'stream', 'url'));
    if (!o || !url) return [];
    return [
      compact({
        quality: asId(pick(o, 'label', 'name')) ?? 'source',
        url,
        size: asNumber(o.size),
        expiresAt: asDate(o.expires_at),
        download: asString(o.download),
      }),
    ];
  });
  return { versions };
}

/** Mirror links come protocol-relative ("//ok.ru/..."). */
function absolute(value: unknown): string | undefined {
  const text = asString(value);
  return text?.startsWith('//') ? `https:${text}` : text;
}

export function parseMirrors(result: unknown): MirrorGroup[] {
  const rows = asArray(result) ?? badShape('mirrors are not a list');
  return rows.flatMap((row) => {
    const o = asObject(row);
    if (!o) return [];
    const mirrors = (asArray(o.mirrors) ?? []).flatMap((m) => {
      const mo = asObject(m);
      const driver = mo && asId(mo.driver);
      if (!mo || !driver) return [];
      return [compact({ driver, iframe: absolute(mo.iframe), link: absolute(mo.link), uploadedAt: asDate(mo.uploaded_at) })];
    });
    return [compact({ title: asString(pick(o, 'title', 'label')) ?? 'source', size: asNumber(o.size), mirrors })];
  });
}

export function parseMegamaxUploaded(result: unknown): UploadedFile[] {
  const rows = asArray(result) ?? [result];
  const files = rows.flatMap((row): UploadedFile[] => {
    const file = parseMegamaxFile(row);
    if (!file) return [];
    const failed = file.status === 'failed';
    return [
      compact({
        fileCode: file.fileCode,
        name: file.title,
        ok: !failed,
        status: file.status,
        error: failed ? 'The host could not process this file.' : undefined,
      }),
    ];
  });
  return files.length > 0 ? files : badShape('the upload reply names no file');
}

export function parseUploadUrl(result: unknown): string {
  return asString(result) ?? asString(asObject(result)?.url) ?? badShape('no upload URL');
}
