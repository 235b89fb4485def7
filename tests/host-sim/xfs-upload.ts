// The XFS upload server: multipart POST to `/<host>/upload/01`, one or more
// `file` parts, answered with JSON or, with html_redirect=1, the old HTML form.
import { unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostId } from '../../lib/hosts/types';
import { escapeHtml, sendJson, sendText } from './http';
import { type ReceivedPart, removeParts } from './multipart';
import { receiveUploadForm } from './upload-form';
import { flag, folderExists, titleFromName } from './xfs-context';
import type { XfsProfile } from './xfs-context';
import { type XfsEnv, sendWrongKey } from './xfs';

interface Entry {
  filecode?: string;
  file_code?: string;
  filename: string;
  status: string;
}

const isFilePart = (p: ReceivedPart) => p.field === 'file' || /^file_\d+$/.test(p.field);

export async function handleXfsUpload(env: XfsEnv, profile: XfsProfile, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const form = await receiveUploadForm(req, res, env.sim.dataDir, (message) => sendJson(res, 400, { msg: message, status: 400, files: [] }));
  if (!form) return;
  const { fields, parts } = form;
  const receiveMs = performance.now() - started;
  const key = fields[profile.params.uploadAuth] ?? fields.key ?? fields.api_key ?? fields.sess_id;
  const account = key ? env.sim.accountFor(profile.id, key) : undefined;
  if (!account) {
    await removeParts(parts);
    sendWrongKey(profile, res);
    return;
  }
  const entries: Entry[] = [];
  const unused: ReceivedPart[] = parts.filter((p) => !isFilePart(p));
  const snapshot = parts.find((p) => p.field === 'snapshot');
  if (snapshot && profile.snapshotMaxBytes !== undefined && snapshot.size > profile.snapshotMaxBytes) {
    entries.push({
      file_code: 'undef',
      filename: snapshot.filename,
      status: `Snapshot too large: max ${Math.round(profile.snapshotMaxBytes / 1000)} KB`,
    });
  }
  const folderId = fields.fld_id && folderExists(account, fields.fld_id) ? fields.fld_id : '0';
  for (const part of parts.filter(isFilePart)) {
    if (part.size === 0) {
      entries.push({ file_code: 'undef', filename: part.filename, status: 'Empty file' });
      unused.push(part);
      continue;
    }
    if (part.size > account.storageLeft) {
      entries.push({ file_code: 'undef', filename: part.filename, status: 'Not enough disk space on your account' });
      unused.push(part);
      continue;
    }
    const file = env.sim.createFile(account, {
      title: fields.file_title || titleFromName(part.filename),
      description: fields.file_descr ?? '',
      size: part.size,
      folderId,
      categoryId: fields.cat_id ?? '0',
      tags: fields.tags ?? '',
      public: flag(fields.file_public) ?? true,
      adult: flag(fields.file_adult) ?? false,
      status: 'encoding',
      encodeStartedAt: Date.now(),
      path: part.path,
    });
    env.sim.uploads.push({ hostId: profile.id as HostId, fileCode: file.code, name: part.filename, size: part.size, fields, receiveMs });
    entries.push({ filecode: file.code, filename: part.filename, status: 'OK' });
  }
  await Promise.all(unused.map((p) => unlink(p.path).catch(() => undefined)));
  if (fields.html_redirect === '1') {
    sendText(res, 200, htmlResult(entries), 'text/html; charset=utf-8');
    return;
  }
  sendJson(res, 200, { msg: 'OK', status: 200, files: entries });
}

/** The pre-JSON XFS reply: a self-posting form whose textareas carry code and status. */
function htmlResult(entries: Entry[]): string {
  const rows = entries
    .map((e) => `<textarea name="fn">${escapeHtml(e.filecode ?? e.file_code ?? 'undef')}</textarea>` + `<textarea name="st">${escapeHtml(e.status)}</textarea>`)
    .join('\n');
  return (
    '<!DOCTYPE html>\n<html><body>\n<form name="F1" action="" method="POST">\n' +
    `<textarea name="op">upload_result</textarea>\n${rows}\n` +
    '</form>\n</body></html>\n'
  );
}
