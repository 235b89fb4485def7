// Mixdrop's replies. Files are named by `fileref`, remote uploads by a
// numeric-text `id`; numbers come as text or numbers alike, `added` is
// seconds since 1970, and a status is a word ("OK", "Converting ( 10% )",
// "Download queue"). The document's file-info example lists the files as an
// object keyed by fileref; a list and a single entry are read too.
import { asArray, asBoolean, asId, asNumber, asObject, asString, compact, pick, type Json } from '../coerce';
import { badShape } from '../shape';
import type { FileStatus, RemoteFile, RemoteUploadAnswer, RemoteUploadState, UploadedFile } from '../types';

function filerefOf(o: Json): string | undefined {
  return asId(pick(o, 'fileref', 'file_ref'));
}

/** Seconds since 1970 as ISO; text that is no number stays as the host wrote it. */
function fromSeconds(value: unknown): string | undefined {
  const n = asNumber(value);
  if (n === undefined) return asString(value)?.trim() || undefined;
  if (n <= 0) return undefined;
  const date = new Date(n * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Entries as a list, one object, or an object keyed by id (with `isEntry` telling a lone entry from such a map). */
function entries(result: unknown, isEntry: (o: Json) => boolean, what: string): unknown[] {
  if (result === undefined || result === null) return [];
  const list = asArray(result);
  if (list) return list.flatMap((row) => (asObject(row) && !isEntry(asObject(row)!) ? Object.values(asObject(row)!) : [row]));
  const o = asObject(result) ?? badShape(`${what} is not a list`);
  return isEntry(o) ? [o] : Object.values(o);
}

function fileStatus(o: Json): FileStatus {
  if (asBoolean(o.deleted) === true) return 'missing';
  const text = asString(o.status)?.trim().toLowerCase() ?? '';
  if (text === 'ok') return 'ready';
  if (/error|fail/.test(text)) return 'failed';
  if (/queue/.test(text)) return 'queued';
  if (/upload|convert|complet|process/.test(text)) return 'encoding';
  return 'unknown';
}

function fileOf(row: unknown): RemoteFile | undefined {
  const o = asObject(row);
  const fileCode = o && filerefOf(o);
  if (!o || !fileCode) return undefined;
  return compact({
    fileCode,
    title: asString(pick(o, 'title', 'name')),
    status: fileStatus(o),
    size: asNumber(o.size),
    length: asNumber(o.duration),
    uploaded: fromSeconds(o.added),
    link: asString(o.url),
    thumbnail: asString(pick(o, 'thumb', 'thumbnail')),
    folderId: asId(pick(o, 'folder', 'folder_id')),
  });
}

/** fileinfo2: the asked files in the asked order; one the reply leaves out is missing. */
export function parseFileInfo(result: unknown, codes: readonly string[]): RemoteFile[] {
  const found = new Map<string, RemoteFile>();
  for (const row of entries(result, (o) => filerefOf(o) !== undefined, 'file info')) {
    const file = fileOf(row);
    if (file) found.set(file.fileCode, file);
  }
  return codes.map((code) => found.get(code) ?? { fileCode: code, status: 'missing' });
}

/** The upload POST: {fileref, url, embedurl}. */
export function parseUploaded(result: unknown): UploadedFile[] {
  const o = asObject(result);
  const fileCode = o && filerefOf(o);
  if (!o || !fileCode) badShape('the upload reply names no file');
  return [compact({ fileCode, name: asString(pick(o, 'name', 'title')), size: asNumber(o.size), ok: true })];
}

/** remoteupload: {id, fileref, ...}; the file is named at once. */
export function parseRemoteAdded(result: unknown): RemoteUploadAnswer {
  const o = asObject(result) ?? badShape('remote upload was not queued');
  const fileCode = filerefOf(o);
  if (fileCode) return { fileCode };
  if (asId(o.id) === undefined) badShape('remote upload was not queued');
  return { pending: true };
}

function remoteState(word: string | undefined): RemoteUploadState['state'] {
  const text = word?.trim().toLowerCase() ?? '';
  if (text === 'complete' || text === 'completed' || text === 'ok') return 'done';
  if (text === 'error' || text === 'failed') return 'error';
  if (text === 'downloading' || text === 'uploading') return 'working';
  if (text === 'download queue' || text === 'queued' || text === 'queue') return 'queued';
  return 'unknown';
}

function remoteOf(row: unknown): RemoteUploadState | undefined {
  const o = asObject(row);
  if (!o) return undefined;
  const fileCode = filerefOf(o);
  const url = asString(pick(o, 'url', 'remote_url'));
  if (!fileCode && !url) return undefined;
  const hostStatus = asString(o.status);
  const state = remoteState(hostStatus);
  return compact({
    fileCode,
    url,
    state,
    hostStatus,
    error: state === 'error' ? asString(o.error)?.trim() || hostStatus : undefined,
    created: fromSeconds(o.added),
    folderId: asId(o.folder),
  });
}

/** remotestatus: one entry (asked by id) or the account's whole queue. */
export function parseRemoteStatus(result: unknown): RemoteUploadState[] {
  const isEntry = (o: Json) => o.url !== undefined || o.status !== undefined || filerefOf(o) !== undefined;
  return entries(result, isEntry, 'remote-upload status')
    .map(remoteOf)
    .filter((e): e is RemoteUploadState => e !== undefined);
}
