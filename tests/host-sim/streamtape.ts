// Streamtape-family hosts (streamtape.com, nupload.me): login + key on every
// call, {status, msg, result} answered with HTTP 200 whatever the body's
// status says, files named by linkid, an upload URL made for each file, and
// remote uploads keyed by the host's own id that name their file only once
// fetched.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostId } from '../../lib/hosts/types';
import type { FaultDialect } from './faults';
import { apiParams, sendJson } from './http';
import { removeParts } from './multipart';
import type { RemoteFetcher } from './remote';
import type { SimState } from './state';
import { parseXfsTime, xfsTime } from './time';
import type { RemoteUploadRecord, SimAccount, SimFile } from './types';
import { landUpload, receiveUploadForm } from './upload-form';
import { folderExists } from './xfs-context';

export interface StreamtapeEnv {
  sim: SimState;
  remote: RemoteFetcher;
  origin: string;
}

interface Ctx extends StreamtapeEnv {
  hostId: string;
  account: SimAccount;
  q: Record<string, string>;
}

interface Reply {
  status: number;
  msg?: string;
  result?: unknown;
}

const ok = (result: unknown): Reply => ({ status: 200, result });
const fail = (status: number, msg: string): Reply => ({ status, msg });
const envelope = (reply: Reply) => ({ status: reply.status, msg: reply.status === 200 ? 'OK' : (reply.msg ?? 'Error'), result: reply.result ?? null });

export const streamtapeDialect: FaultDialect = {
  wrongKey: (res) => sendJson(res, 200, envelope(fail(403, 'Invalid login or key'))),
  errorBody: (status) => envelope(fail(status, status === 429 ? 'Too many requests' : 'Server error')),
};

/** Upload URLs handed out by file/ul: one file each. */
const uploadUrls = new WeakMap<SimState, Map<string, { account: SimAccount; folderId: string }>>();

function uploadsOf(sim: SimState): Map<string, { account: SimAccount; folderId: string }> {
  const known = uploadUrls.get(sim);
  if (known) return known;
  const made = new Map<string, { account: SimAccount; folderId: string }>();
  uploadUrls.set(sim, made);
  return made;
}

const watchLink = (ctx: { origin: string }, f: SimFile) => `${ctx.origin}/v/${f.code}/${encodeURIComponent(f.title)}`;
const live = (ctx: Ctx) => [...ctx.account.files.values()].filter((f) => ctx.sim.status(f) !== 'failed');

function fileRow(ctx: Ctx, f: SimFile) {
  return {
    name: f.title,
    size: f.size,
    link: watchLink(ctx, f),
    created_at: parseXfsTime(f.uploaded),
    downloads: 0,
    linkid: f.code,
    convert: ctx.sim.status(f) === 'ready' ? 'converted' : 'converting',
  };
}

function remoteRow(ctx: Ctx, id: string, r: RemoteUploadRecord) {
  const file = ctx.account.files.get(r.fileCode);
  const size = file?.size ?? 0;
  return {
    id,
    remoteurl: r.url,
    status: r.error !== undefined ? 'error' : r.ok ? 'finished' : 'downloading',
    // Counts come as text, as hosts of this kind send them.
    bytes_loaded: String(r.ok ? size : 0),
    bytes_total: r.ok ? String(size) : null,
    folderid: file?.folderId ?? '0',
    added: file?.uploaded ?? xfsTime(),
    last_update: xfsTime(),
    extid: false,
    // The file exists, and its link is given, once the fetch has finished.
    url: r.ok && file ? watchLink(ctx, file) : false,
  };
}

function remotesOf(ctx: Ctx): [string, RemoteUploadRecord][] {
  return [...ctx.sim.remoteIds].filter(([, r]) => r.hostId === ctx.hostId && ctx.account.files.has(r.fileCode));
}

const endpoints: Record<string, (ctx: Ctx) => Reply> = {
  'account/info': (ctx) => ok({ apiid: ctx.account.login, email: ctx.account.email, signup_at: '2019-12-31 23:59:59' }),

  'file/ul': (ctx) => {
    const folderId = ctx.q.folder || '0';
    if (!folderExists(ctx.account, folderId)) return fail(404, 'folder not found');
    const token = randomBytes(6).toString('hex');
    uploadsOf(ctx.sim).set(token, { account: ctx.account, folderId });
    return ok({ url: `${ctx.origin}/${ctx.hostId}/ul/${token}`, valid_until: xfsTime(Date.now() + 86400_000) });
  },

  'remotedl/add': (ctx) => {
    const url = ctx.q.url;
    if (!url) return fail(400, 'url is required');
    const folderId = ctx.q.folder || '0';
    if (!folderExists(ctx.account, folderId)) return fail(404, 'folder not found');
    let title = 'remote video.mp4';
    try {
      title = decodeURIComponent(new URL(url).pathname.split('/').pop() || '') || title;
    } catch {
      // An unparsable URL is still queued; its fetch fails.
    }
    const file = ctx.sim.createFile(ctx.account, { title, size: 0, status: 'encoding', encodeStartedAt: Infinity, sourceUrl: url, folderId });
    const record: RemoteUploadRecord = { hostId: ctx.hostId as HostId, url, fileCode: file.code, ok: false };
    const id = randomBytes(6).toString('base64url');
    ctx.sim.remoteUploads.push(record);
    ctx.sim.remoteIds.set(id, record);
    ctx.remote.start(ctx.account, file, url, record);
    return ok({ id, folderid: folderId });
  },

  'remotedl/status': (ctx) => {
    const rows = remotesOf(ctx).filter(([id]) => ctx.q.id === undefined || id === ctx.q.id);
    if (ctx.q.id !== undefined && rows.length === 0) return fail(404, 'remote upload not found');
    return ok(Object.fromEntries(rows.map(([id, r]) => [id, remoteRow(ctx, id, r)])));
  },

  'file/listfolder': (ctx) => {
    const folderId = ctx.q.folder || '0';
    if (!folderExists(ctx.account, folderId)) return fail(404, 'folder not found');
    return ok({
      folders: [...ctx.account.folders.values()].filter((f) => f.parentId === folderId).map((f) => ({ id: f.id, name: f.name })),
      files: live(ctx)
        .filter((f) => f.folderId === folderId)
        .map((f) => fileRow(ctx, f)),
    });
  },

  'file/createfolder': (ctx) => {
    const { name, pid = '0' } = ctx.q;
    if (!name) return fail(400, 'name is required');
    if (!folderExists(ctx.account, pid)) return fail(404, 'parent folder not found');
    return ok({ folderid: ctx.sim.createFolder(ctx.account, name, pid).id });
  },

  'file/renamefolder': (ctx) => {
    const folder = ctx.account.folders.get(ctx.q.folder ?? '');
    if (!folder) return fail(404, 'folder not found');
    if (!ctx.q.name) return fail(400, 'name is required');
    folder.name = ctx.q.name;
    return ok(true);
  },

  'file/rename': (ctx) => {
    const file = ctx.account.files.get(ctx.q.file ?? '');
    if (!file) return fail(404, 'file not found');
    if (!ctx.q.name) return fail(400, 'name is required');
    file.title = ctx.q.name;
    return ok(true);
  },

  'file/move': (ctx) => {
    const file = ctx.account.files.get(ctx.q.file ?? '');
    if (!file) return fail(404, 'file not found');
    if (!ctx.q.folder || !folderExists(ctx.account, ctx.q.folder)) return fail(404, 'folder not found');
    file.folderId = ctx.q.folder;
    return ok(true);
  },

  'file/delete': (ctx) => (ctx.sim.deleteFile(ctx.account, ctx.q.file ?? '') ? ok(true) : fail(404, 'file not found')),

  'file/runningconverts': (ctx) =>
    ok(
      live(ctx)
        .filter((f) => ctx.sim.status(f) === 'encoding' && Number.isFinite(f.encodeStartedAt))
        .map((f) => ({
          name: f.title,
          folderid: f.folderId,
          status: 'pending',
          progress: Math.round(ctx.sim.encodeShare(f) * 100) / 100,
          retries: 0,
          link: watchLink(ctx, f),
          linkid: f.code,
        })),
    ),
};

/** A reduced Streamtape-compatible host for the capability probe: a few endpoints, one refusing in JSON. */
export const streamtapeLiteId = 'streamtape-lite';

const liteEndpoints: Record<string, (ctx: Ctx) => Reply> = {
  'account/info': endpoints['account/info']!,
  'file/ul': endpoints['file/ul']!,
  'file/listfolder': endpoints['file/listfolder']!,
  'remotedl/add': endpoints['remotedl/add']!,
  'file/runningconverts': () => fail(403, 'This function not allowed in API'),
};

/** `/<host>/api/<path>` */
export async function handleStreamtapeApi(
  env: StreamtapeEnv,
  hostId: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const table = hostId === streamtapeLiteId ? liteEndpoints : endpoints;
  const handler = Object.hasOwn(table, path) ? table[path] : undefined;
  const q = await apiParams(Boolean(handler), req, res, url, (message) => sendJson(res, 200, envelope(fail(400, message))));
  if (!handler || !q) return;
  const account = q.key ? env.sim.accountFor(hostId, q.key) : undefined;
  if (!account || account.login !== q.login) {
    streamtapeDialect.wrongKey(res);
    return;
  }
  sendJson(res, 200, envelope(handler({ ...env, hostId, account, q })));
}

/** POST `/<host>/ul/<token>` with the file in `file`. */
export async function handleStreamtapeUpload(env: StreamtapeEnv, hostId: string, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = uploadsOf(env.sim).get(token);
  if (!target || target.account.hostId !== hostId) {
    req.resume();
    sendJson(res, 200, envelope(fail(404, 'upload URL unknown or expired')));
    return;
  }
  const form = await receiveUploadForm(req, res, env.sim.dataDir, (message) => sendJson(res, 200, envelope(fail(400, message))));
  if (!form) return;
  const { parts } = form;
  const part = parts.find((p) => p.field === 'file');
  const { account, folderId } = target;
  const reject = async (status: number, message: string) => {
    await removeParts(parts);
    sendJson(res, 200, envelope(fail(status, message)));
  };
  if (!part) return reject(400, 'no file given');
  if (part.size === 0) return reject(400, 'the file is empty');
  if (part.size > account.storageLeft) return reject(509, 'not enough storage left');
  // The URL was made for one file.
  uploadsOf(env.sim).delete(token);
  const file = await landUpload(env.sim, account, form, part, { folderId });
  sendJson(res, 200, envelope(ok({ name: part.filename, size: String(part.size), content_type: part.mimeType, id: file.code, url: watchLink(env, file) })));
}
