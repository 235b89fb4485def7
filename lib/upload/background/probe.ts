import { AppError } from '../../errors';
import type { RelayProbe } from '../../protocol/uploads';

// Before a relay, ask the source what it holds, so the user confirms the size
// before VidRelay downloads anything. HEAD first; servers that refuse HEAD
// get a one-byte ranged GET.

export function checkedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('invalid_input', 'Enter the full link to the video, starting with http:// or https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('invalid_input', 'Only http:// and https:// links can be relayed.');
  return url;
}

function nameOf(url: URL, disposition: string | null): string {
  const quoted = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)?.[1];
  if (quoted) {
    try {
      return decodeURIComponent(quoted);
    } catch {
      return quoted;
    }
  }
  const last = url.pathname.split('/').filter(Boolean).pop();
  try {
    return last ? decodeURIComponent(last) : 'video.mp4';
  } catch {
    return last ?? 'video.mp4';
  }
}

function sizeOf(response: Response): number | undefined {
  const range = response.headers.get('content-range')?.match(/\/(\d+)\s*$/)?.[1];
  const value = Number(range ?? (response.status === 206 ? '' : (response.headers.get('content-length') ?? '')));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export async function probeSource(raw: string, doFetch: typeof fetch = fetch): Promise<RelayProbe> {
  const url = checkedUrl(raw);
  let response: Response;
  try {
    response = await doFetch(url.href, { method: 'HEAD', credentials: 'include' });
    if (response.status === 405 || response.status === 501 || (response.ok && sizeOf(response) === undefined)) {
      response = await doFetch(url.href, { headers: { Range: 'bytes=0-0' }, credentials: 'include' });
      void response.body?.cancel().catch(() => undefined);
    }
  } catch {
    throw new AppError('network', `Could not reach ${url.host}. Check the link and your connection.`);
  }
  if (response.status === 404 || response.status === 410) {
    throw new AppError('not_found', `${url.host} answered ${response.status}: the video is gone or the link expired.`, { status: response.status });
  }
  if (!response.ok) {
    throw new AppError('bad_request', `${url.host} answered ${response.status} to VidRelay. Open the link in a tab to check it still plays.`, {
      status: response.status,
    });
  }
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() || undefined;
  if (type && /^text\/html/i.test(type)) {
    throw new AppError(
      'invalid_input',
      'This link is a web page, not a video file. Use the link of the video itself (right-click the video, "Send to host", or copy its address).',
    );
  }
  return { url: url.href, name: nameOf(url, response.headers.get('content-disposition')), size: sizeOf(response), ...(type ? { type } : {}) };
}
