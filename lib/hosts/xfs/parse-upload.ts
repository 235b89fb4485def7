// The reply of the multipart upload POST: JSON {files:[...]}, {result:[...]},
// {success, file:{...}} (voe.sx), a bare list, or (html_redirect / old
// servers) an HTML form with `fn` and `st` textareas. An HTML page that is
// no such form (an error page sent with HTTP 200) is invalid_response.
import { asArray, asId, asNumber, asObject, asString, compact, pick } from '../coerce';
import { invalidResponse, statusFailure, type FailureContext } from '../failures';
import { parseLenientJson } from '../http';
import { badShape, guarded } from '../shape';
import type { UploadedFile } from '../types';
import { hostMessage } from './envelope';

/** upload/server: the URL to POST the form to. */
export function parseUploadServer(result: unknown): string {
  return asString(result) ?? asString(asObject(result)?.url) ?? badShape('no upload server URL');
}

function uploadedEntry(entry: unknown): UploadedFile | undefined {
  const o = asObject(entry);
  if (!o) return undefined;
  const code = asId(pick(o, 'filecode', 'file_code', 'code'));
  const statusText = asString(pick(o, 'status', 'file_status', 'msg', 'error'));
  const statusOk = statusText === undefined || /^(ok|200)$/i.test(statusText.trim());
  const ok = Boolean(code && code !== 'undef' && statusOk);
  return compact({
    fileCode: ok && code ? code : '',
    name: asString(pick(o, 'filename', 'name', 'file_name', 'file_title', 'title')),
    size: asNumber(pick(o, 'size', 'file_size')),
    ok,
    error: ok ? undefined : statusText && !statusOk ? statusText : 'The host did not accept this file.',
  });
}

function fromJson(parsed: unknown, ctx: FailureContext): UploadedFile[] {
  const list = asArray(parsed);
  if (list) return list.map(uploadedEntry).filter((f): f is UploadedFile => f !== undefined);
  const body = asObject(parsed) ?? badShape('upload reply is not an object');
  const status = asNumber(body.status);
  if (status !== undefined && status !== 200) throw statusFailure(status, ctx, hostMessage(body));
  if (body.success === false) throw statusFailure(400, ctx, hostMessage(body));
  const single = asObject(body.file) ?? asObject(body.result);
  const files = asArray(body.files) ?? asArray(body.result) ?? (single ? [single] : pick(body, 'filecode', 'file_code') !== undefined ? [body] : []);
  return files.map(uploadedEntry).filter((f): f is UploadedFile => f !== undefined);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Every `<textarea name=...>value</textarea>` of the page, by name, found in
 * one forward pass (indexOf from where the last one ended): a reply of
 * unclosed `<textarea` tags costs the same as any other text of its length.
 */
function textareas(text: string): Record<string, string[]> {
  // No prototype: a textarea named __proto__ or constructor is one more field, nothing else.
  const fields: Record<string, string[]> = Object.create(null);
  const lower = text.toLowerCase();
  let at = 0;
  for (;;) {
    const open = lower.indexOf('<textarea', at);
    if (open === -1) break;
    const tagEnd = lower.indexOf('>', open);
    if (tagEnd === -1) break;
    const close = lower.indexOf('</textarea', tagEnd);
    if (close === -1) break;
    const name = /\bname\s*=\s*["']?([\w-]{1,40})/.exec(text.slice(open + 9, tagEnd))?.[1];
    if (name) {
      const key = name.toLowerCase();
      fields[key] ??= [];
      fields[key].push(decodeEntities(text.slice(tagEnd + 1, close).trim()));
    }
    at = close + 10;
  }
  return fields;
}

function fromHtmlForm(text: string): UploadedFile[] {
  const fields = textareas(text);
  const codes = fields.fn ?? [];
  const statuses = fields.st ?? [];
  return codes
    .map((code, i) => uploadedEntry({ filecode: code, status: statuses[i] ?? (code && code !== 'undef' ? 'OK' : undefined) }))
    .filter((f): f is UploadedFile => f !== undefined);
}

export function parseXfsUploadReply(text: string, ctx: FailureContext): UploadedFile[] {
  return guarded(ctx, () => {
    let parsed: unknown;
    let isJson = true;
    try {
      parsed = parseLenientJson(text);
    } catch {
      isJson = false;
    }
    const files = isJson ? fromJson(parsed, ctx) : fromHtmlForm(text);
    if (files.length === 0) throw invalidResponse(ctx, isJson ? 'the upload reply lists no files' : 'no upload result in the HTML reply');
    return files;
  });
}
