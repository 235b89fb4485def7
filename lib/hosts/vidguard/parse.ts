// VidGuard's replies (https://vidguard.to/api), field names capitalised.
import { asArray, asId, asNumber, asObject, asString, compact } from '../coerce';
import { badShape } from '../shape';
import type { AccountInfo, DmcaFile, UploadedFile } from '../types';
import { field } from './fields';

/** user/info: {Balance, CreatedAt, Currency, Email, Role}; only e-mail and balance have a place in AccountInfo. */
export function parseUserInfo(result: unknown): AccountInfo {
  const o = asObject(result) ?? badShape('account info is not an object');
  return compact({ email: asString(field(o, 'Email')), balance: asNumber(field(o, 'Balance')) });
}

/** upload/server: {url} (a bare string is read too). */
export function parseUploadServer(result: unknown): string {
  const o = asObject(result);
  return asString(o ? field(o, 'url') : result) ?? badShape('no upload server URL');
}

/** The upload POST's result: one video {HashID, Name, Size, URL, …}, or a list of them. */
export function parseUploadedVideos(result: unknown): UploadedFile[] {
  const rows = asArray(result) ?? [result];
  const files = rows.flatMap((row): UploadedFile[] => {
    const o = asObject(row);
    const fileCode = o && asId(field(o, 'HashID'));
    if (!o || !fileCode) return [];
    return [compact({ fileCode, name: asString(field(o, 'Name')), size: asNumber(field(o, 'Size')), ok: true })];
  });
  return files.length > 0 ? files : badShape('the upload reply names no video');
}

/**
 * user/complaints: [{AffectedVideos:[HashID…], ID, Status, Notifier}]. Each
 * affected video of a complaint still open (or of no stated status: the
 * older edition of the document has none) is one entry; a resolved
 * complaint puts no video at risk.
 */
export function parseComplaints(result: unknown): DmcaFile[] {
  if (result === undefined || result === null) return [];
  const rows = asArray(result) ?? badShape('complaints are not a list');
  const codes = new Set<string>();
  for (const row of rows) {
    const o = asObject(row);
    if (!o) continue;
    const status = asString(field(o, 'Status'))?.trim().toLowerCase();
    if (status === 'resolved') continue;
    const videos = field(o, 'AffectedVideos');
    const list = asArray(videos) ?? (typeof videos === 'string' ? videos.split(',') : []);
    for (const video of list) {
      const code = asId(video);
      if (code) codes.add(code);
    }
  }
  return [...codes].map((fileCode) => ({ fileCode }));
}
