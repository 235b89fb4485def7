// What Streamtape's upload paths hand back: file/ul's upload URL (one per
// file), the upload POST's reply, and the remote-upload queue. remotedl/add
// answers with the queue entry's own id, not the file's `linkid`: the file
// is named in remotedl/status once the host has fetched it.
import { asArray, asBoolean, asDate, asId, asNumber, asObject, asString, compact, pick, type Json } from '../coerce';
import { badShape } from '../shape';
import type { RemoteUploadAnswer, RemoteUploadState, UploadedFile } from '../types';
import { linkIdFromUrl, linkIdOf } from './parse';

export function parseUploadUrl(result: unknown): string {
  return asString(asObject(result)?.url) ?? asString(result) ?? badShape('no upload URL');
}

/** The file's id: its linkid, else the id in its link, else a bare `id`. */
function uploadedCode(o: Json): string | undefined {
  return linkIdOf(o) ?? asId(o.id);
}

export function parseUploaded(result: unknown): UploadedFile[] {
  const rows = asArray(result) ?? [result];
  const files = rows.flatMap((row): UploadedFile[] => {
    const o = asObject(row);
    const fileCode = o && uploadedCode(o);
    if (!o || !fileCode) return [];
    return [compact({ fileCode, name: asString(pick(o, 'name', 'filename')), size: asNumber(o.size), ok: true })];
  });
  return files.length > 0 ? files : badShape('the upload reply names no file');
}

export function parseRemoteAdded(result: unknown): RemoteUploadAnswer {
  const o = asObject(result);
  if (!o || (asId(o.id) === undefined && linkIdOf(o) === undefined)) badShape('remote upload was not queued');
  const fileCode = linkIdOf(o);
  return fileCode ? { fileCode } : { pending: true };
}

function stateOf(word: string | undefined): RemoteUploadState['state'] {
  const text = word?.trim().toLowerCase() ?? '';
  if (/error|fail/.test(text)) return 'error';
  if (/^(finished|done|complete|completed|ok)$/.test(text)) return 'done';
  if (/download|working|progress|running/.test(text)) return 'working';
  if (/new|queue|pending|wait/.test(text)) return 'queued';
  return 'unknown';
}

function entryOf(row: unknown): RemoteUploadState | undefined {
  const o = asObject(row);
  if (!o) return undefined;
  const url = asString(pick(o, 'remoteurl', 'remote_url'));
  // `extid` and `url` are false until the file exists.
  const extid = asBoolean(o.extid) === false ? undefined : asId(o.extid);
  const fileCode = asId(o.linkid) ?? extid ?? linkIdFromUrl(o.url);
  if (!url && !fileCode) return undefined;
  const hostStatus = asString(o.status);
  const state = stateOf(hostStatus);
  return compact({
    fileCode,
    url,
    state,
    hostStatus,
    bytesTotal: asNumber(o.bytes_total),
    bytesDone: asNumber(o.bytes_loaded),
    error: state === 'error' ? asString(pick(o, 'error', 'msg'))?.trim() || hostStatus : undefined,
    created: asDate(o.added),
    folderId: asId(o.folderid),
  });
}

/** remotedl/status: entries keyed by their id (one or all), or a list. */
export function parseRemoteStatus(result: unknown): RemoteUploadState[] {
  if (result === undefined || result === null || result === false) return [];
  const list = asArray(result);
  const o = asObject(result);
  if (!list && !o) badShape('remote-upload status is not a list');
  const single = o && (o.remoteurl !== undefined || o.remote_url !== undefined);
  const rows = list ?? (single ? [o] : Object.values(o!));
  return rows.map(entryOf).filter((e): e is RemoteUploadState => e !== undefined);
}
