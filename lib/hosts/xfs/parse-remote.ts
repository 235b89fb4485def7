// The host's remote-upload queue (DoodStream's urlupload/*): entries with
// the URL, a status word and byte counts, and the account's slots, which
// DoodStream also reports at the top of its upload/url reply.
import { asArray, asDate, asId, asNumber, asObject, asString, compact, pick, type Json } from '../coerce';
import { badShape } from '../shape';
import type { RemoteUploadSlots, RemoteUploadState } from '../types';
import { fileCodeOf } from './parse-files';

function stateOf(word: string | undefined, error: string | undefined): RemoteUploadState['state'] {
  const text = word?.trim().toLowerCase() ?? '';
  if (error || /error|fail|broken/.test(text)) return 'error';
  if (/^(ok|done|finished|complete|completed|success)$/.test(text)) return 'done';
  if (/work|progress|download|transfer|running|uploading/.test(text)) return 'working';
  if (/new|pending|queue|wait/.test(text)) return 'queued';
  return 'unknown';
}

function entry(row: unknown): RemoteUploadState | undefined {
  const o = asObject(row);
  if (!o) return undefined;
  const hostStatus = asString(pick(o, 'status', 'st', 'state'));
  const error = asString(pick(o, 'error', 'error_msg', 'err'))?.trim() || undefined;
  const fileCode = fileCodeOf(o);
  const url = asString(pick(o, 'remote_url', 'url', 'link'));
  if (!fileCode && !url) return undefined;
  return compact({
    fileCode,
    url,
    state: stateOf(hostStatus, error),
    hostStatus,
    bytesTotal: asNumber(pick(o, 'bytes_total', 'size', 'total')),
    bytesDone: asNumber(pick(o, 'bytes_downloaded', 'bytes_done', 'downloaded')),
    error,
    created: asDate(pick(o, 'created', 'created_at', 'added')),
    folderId: asId(pick(o, 'folder_id', 'fld_id')),
  });
}

export function parseRemoteStates(result: unknown): RemoteUploadState[] {
  const rows = asArray(result) ?? (asObject(result) ? [result] : result === undefined || result === null ? [] : badShape('remote-upload list is not a list'));
  return rows.map(entry).filter((e): e is RemoteUploadState => e !== undefined);
}

/** Slots at the top of the body or inside `result`. */
export function parseRemoteSlots(result: unknown, body: Json): RemoteUploadSlots {
  const o = asObject(result) ?? body;
  const total = asNumber(pick(o, 'total_slots', 'total')) ?? asNumber(body.total_slots);
  const used = asNumber(pick(o, 'used_slots', 'used')) ?? asNumber(body.used_slots);
  if (total === undefined || used === undefined) badShape('no slot counts in the reply');
  return { total, used, free: Math.max(0, total - used) };
}
