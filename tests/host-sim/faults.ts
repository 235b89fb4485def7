// Injected failures. A matching fault runs before the normal handler and
// either delays it ('slow'), holds back its answer ('slow-reply': the host
// did the work, the client has not heard yet), drops the connection instead
// of answering once the work is done ('drop-reply'), or answers in its place.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, FaultKind } from './types';
import { sendHtml, sendJson, sendText, sleep } from './http';

const kinds: ReadonlySet<FaultKind> = new Set([
  'slow',
  'slow-reply',
  'drop-reply',
  'status',
  'html',
  'invalid-json',
  'drop',
  'wrong-key',
  'body-error',
  'echo-key',
  'upload-elsewhere',
]);

/** How the host a fault hits words its errors. */
export interface FaultDialect {
  wrongKey(res: ServerResponse): void;
  errorBody(status: number): unknown;
}

export class FaultBook {
  private entries: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    if (!kinds.has(fault.kind)) throw new Error(`host-sim: unknown fault kind "${String(fault.kind)}"`);
    if (fault.kind === 'status' && fault.status === undefined) throw new Error('host-sim: a "status" fault needs a status');
    this.entries.push({ fault: { ...fault }, left: fault.times ?? Infinity });
  }

  clear(): void {
    this.entries = [];
  }

  /** The first fault matching this request, counting one hit against it. */
  take(hostId: string | undefined, path: string, reused = false): Fault | undefined {
    const entry = this.entries.find(
      (e) =>
        e.left > 0 && (!e.fault.hostId || e.fault.hostId === hostId) && (!e.fault.match || path.includes(e.fault.match)) && (!e.fault.reusedOnly || reused),
    );
    if (!entry) return undefined;
    entry.left--;
    return entry.fault;
  }
}

/** Returns true when the fault answered (or dropped) the request; false to go on handling it. */
export async function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, dialect: FaultDialect): Promise<boolean> {
  switch (fault.kind) {
    case 'slow':
      await sleep(fault.delayMs ?? 2000);
      return false;
    case 'slow-reply':
      holdReply(res, fault.delayMs ?? 2000);
      return false;
    case 'drop-reply':
      dropReply(res);
      return false;
    case 'status': {
      const status = fault.status ?? 500;
      sendJson(res, status, dialect.errorBody(status));
      return true;
    }
    case 'body-error':
      sendJson(res, 200, dialect.errorBody(fault.status ?? 500));
      return true;
    case 'html':
      sendHtml(res, 200, 'Service Unavailable', 'The server is temporarily busy, try again later.');
      return true;
    case 'invalid-json':
      sendText(res, 200, '{"msg":"OK",', 'application/json; charset=utf-8');
      return true;
    case 'wrong-key':
      dialect.wrongKey(res);
      return true;
    case 'drop':
      await dropConnection(req);
      return true;
    case 'echo-key':
      await echoKey(req, res, fault.status ?? 200, dialect);
      return true;
    case 'upload-elsewhere':
      uploadElsewhere(req, res);
      return true;
  }
}

/**
 * An XFS upload/server answer naming this same simulator under its other
 * loopback name (127.0.0.1 <-> localhost): another site to the extension,
 * which must not send the file or the key there unless the user allows it.
 */
function uploadElsewhere(req: IncomingMessage, res: ServerResponse): void {
  const [name, port] = (req.headers.host ?? '127.0.0.1').split(':');
  const other = name === 'localhost' ? '127.0.0.1' : 'localhost';
  const path = new URL(req.url ?? '/', 'http://sim').pathname.replace(/\/api\/upload\/server$/, '/upload/01');
  sendJson(res, 200, { msg: 'OK', server_time: '2026-01-01 00:00:00', status: 200, result: `http://${other}${port ? `:${port}` : ''}${path}` });
}

/**
 * A host that quotes the credentials it was sent, as sent and URL-encoded, in
 * its reply: `status` 200 puts them in the body's status (per file for an
 * upload POST), any other status in an HTML error page.
 */
async function echoKey(req: IncomingMessage, res: ServerResponse, status: number, dialect: FaultDialect): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim');
  let sent = ['key', 'api_key', 'sess_id', 'login'].map((name) => url.searchParams.get(name)).filter((v): v is string => !!v);
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('latin1');
    for (const m of body.matchAll(/name="(?:key|api_key|sess_id|login)"\r\n\r\n([^\r]*)/g)) sent.push(m[1]!);
  }
  sent = [...new Set(sent)];
  const quoted = sent.map((v) => `${v} (${encodeURIComponent(v)})`).join(', ') || 'none';
  const said = `Invalid sess_id/key ${quoted} for this server`;
  if (status !== 200) return sendText(res, status, `<html><body><h1>Error ${status}</h1><p>${said}</p></body></html>`, 'text/html; charset=utf-8');
  if (req.method === 'POST') return sendJson(res, 200, { msg: 'OK', status: 200, files: [{ filecode: '', filename: 'x', status: said }] });
  sendJson(res, 200, { ...(dialect.errorBody(400) as object), msg: said, message: said });
}

/** The handler's answer goes out only after `ms`; a client gone by then gets nothing. */
function holdReply(res: ServerResponse, ms: number): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    setTimeout(() => {
      if (!res.destroyed) end(...args);
    }, ms).unref();
    return res;
  }) as ServerResponse['end'];
}

/**
 * The handler does its work (a file stored, a remote upload queued), then the
 * connection closes with no byte of its answer sent. On a reused keep-alive
 * connection a browser sends such a request again by itself.
 */
function dropReply(res: ServerResponse): void {
  res.writeHead = (() => res) as unknown as ServerResponse['writeHead'];
  res.setHeader = (() => res) as unknown as ServerResponse['setHeader'];
  res.end = (() => {
    res.socket?.destroy();
    return res;
  }) as ServerResponse['end'];
}

/** For a body-carrying request, reads a little of it first, so the client sees a cut mid-upload. */
async function dropConnection(req: IncomingMessage): Promise<void> {
  const hasBody = req.method === 'POST' || req.method === 'PUT';
  if (hasBody && !req.complete) {
    await new Promise<void>((resolve) => {
      let seen = 0;
      const onData = (chunk: Buffer) => {
        seen += chunk.length;
        if (seen >= 64 * 1024) finish();
      };
      const finish = () => {
        req.off('data', onData);
        resolve();
      };
      req.on('data', onData);
      req.once('end', finish);
      req.once('close', finish);
    });
  }
  req.socket.destroy();
}
