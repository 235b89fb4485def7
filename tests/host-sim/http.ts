// Small response helpers shared by every route.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

export function sendText(res: ServerResponse, status: number, text: string, type: string): void {
  if (res.headersSent || res.destroyed) return;
  const data = Buffer.from(text);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': data.length });
  res.end(data);
}

export function sendHtml(res: ServerResponse, status: number, title: string, message: string): void {
  sendText(
    res,
    status,
    `<!DOCTYPE html>\n<html><head><title>${escapeHtml(title)}</title></head>` +
      `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>\n`,
    'text/html; charset=utf-8',
  );
}

/** What a host's web server answers for an API path it does not have. */
export function sendNotFoundPage(res: ServerResponse): void {
  sendHtml(res, 404, '404 Not Found', 'The requested URL was not found on this server.');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Query string plus, for a urlencoded POST, its body (the docs allow GET or POST). */
export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, string>> {
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  const type = req.headers['content-type'] ?? '';
  if (req.method === 'POST' && type.startsWith('application/x-www-form-urlencoded')) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > 1024 * 1024) throw new Error('form body over 1 MiB');
      chunks.push(chunk);
    }
    Object.assign(params, Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
  }
  return params;
}

/**
 * The parameters of an API call, or undefined once it is answered here: the not-found page when the host has no
 * route for it (`routed` false) or the method is neither GET nor POST, `unreadable(message)` when the body cannot be read.
 */
export async function apiParams(
  routed: boolean,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  unreadable: (message: string) => void,
): Promise<Record<string, string> | undefined> {
  if (!routed || (req.method !== 'GET' && req.method !== 'POST')) {
    sendNotFoundPage(res);
    return undefined;
  }
  try {
    return await readParams(req, url);
  } catch (err) {
    unreadable((err as Error).message);
    return undefined;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
