import { asArray, asBoolean, asDate, asId, asNumber, asObject, asString, compact, pick, type Json, asWebUrl } from '../coerce';
import { badShape } from '../shape';
import { hostMessage } from './envelope';
import type { CloneResult, EditResult, FileList, FileStatus, RemoteFile, RemoteUploadAnswer } from '../types';

export function fileCodeOf(o: Json): string | undefined {
  return asId(pick(o, 'file_code', 'filecode', 'code'));
}

function fileStatus(o: Json): FileStatus {
  const status = asNumber(o.status);
  if (status !== undefined && status !== 200) return 'missing';
  const canplay = asBoolean(o.canplay);
  if (canplay === true) return 'ready';
  if (canplay === false) return 'encoding';
  return 'unknown';
}

/** One file entry in any XFS variant; undefined when it names no file. */
function parseRemoteFile(entry: unknown): RemoteFile | undefined {
  const o = asObject(entry);
  const fileCode = o && fileCodeOf(o);
  if (!o || !fileCode) return undefined;
  return compact({
    fileCode,
    title: asString(pick(o, 'title', 'file_title', 'name')),
    status: fileStatus(o),
    length: asNumber(pick(o, 'length', 'file_length')),
    views: asNumber(pick(o, 'views', 'file_views')),
    downloads: asNumber(pick(o, 'downloads', 'download', 'file_downloads')),
    size: asNumber(pick(o, 'size', 'file_size')),
    uploaded: asDate(pick(o, 'uploaded', 'file_created', 'created')),
    thumbnail: asWebUrl(pick(o, 'thumbnail', 'player_img', 'file_thumbnail')),
    link: asString(o.link),
    // Folder ids are text: some hosts use codes ("folderid":"LnvnE51P5gc").
    folderId: asId(pick(o, 'fld_id', 'file_fld_id', 'folder_id', 'folderid')),
    categoryId: asId(pick(o, 'cat_id', 'file_cat_id')),
    public: asBoolean(pick(o, 'public', 'file_public')),
    adult: asBoolean(pick(o, 'adult', 'file_adult')),
    tags: asString(o.tags),
    description: asString(pick(o, 'file_descr', 'descr', 'description')),
  });
}

export function parseFiles(rows: unknown[]): RemoteFile[] {
  return rows.map(parseRemoteFile).filter((f): f is RemoteFile => f !== undefined);
}

export function parseFileInfo(result: unknown): RemoteFile[] {
  const rows = asArray(result) ?? (asObject(result) ? [result] : badShape('file info is not a list'));
  return parseFiles(rows);
}

/** {files, results_total, pages} on most hosts; a bare list on mp4upload. */
export function parseFileList(result: unknown): FileList {
  const rows = asArray(result);
  if (rows) return { files: parseFiles(rows).filter((f) => f.status !== 'missing') };
  const o = asObject(result) ?? badShape('file list is not an object');
  const files = asArray(o.files) ?? (o.files === undefined || o.files === null ? [] : badShape('files is not a list'));
  return compact({
    files: parseFiles(files),
    total: asNumber(pick(o, 'results_total', 'total')),
    pages: asNumber(o.pages),
  });
}

/** file/edit answers "true", or one entry per code with its own status. */
export function parseEditResults(result: unknown, codes: string[]): EditResult[] {
  const rows = asArray(result);
  if (rows) {
    const seen = new Map<string, boolean>();
    for (const row of rows) {
      const o = asObject(row);
      const code = o && fileCodeOf(o);
      if (o && code) seen.set(code, (asNumber(o.status) ?? 200) === 200);
    }
    return codes.map((fileCode) => ({ fileCode, ok: seen.get(fileCode) ?? false }));
  }
  const flag = result === undefined || result === null ? true : asBoolean(result);
  if (flag === undefined && !asObject(result)) badShape('edit result is neither a flag nor a list');
  return codes.map((fileCode) => ({ fileCode, ok: flag ?? true }));
}

export function parseClone(result: unknown): CloneResult {
  // media.cm's file/copy answers with the envelope alone.
  if (result === undefined || result === null) return {};
  const o = asObject(result) ?? badShape('clone result is not an object');
  return compact({ fileCode: fileCodeOf(o), url: asString(o.url) });
}

/**
 * upload/url: {result:{filecode}}, a bare code, a list of one entry, or (the
 * envelope said 200) nothing yet: the host is still fetching the URL.
 */
export function parseRemoteUpload(result: unknown, body: Json = {}): RemoteUploadAnswer {
  const first = asArray(result)?.[0];
  const o = asObject(first ?? result);
  const fileCode = (o && fileCodeOf(o)) ?? asId(first ?? result);
  if (fileCode && fileCode !== 'undef') return { fileCode };
  if (o && Object.keys(o).length > 0 && !fileCode) badShape('no file code in the remote upload reply');
  const said = hostMessage(body);
  return said && !/^ok$/i.test(said) ? { fileCode: undefined, pending: true, hostMessage: said } : { fileCode: undefined, pending: true };
}
