// Mixdrop: e-mail + key on every call, {success, result} (failures as
// {success:false, result:{msg}} with HTTP 200), filerefs, uploads POSTed to
// a fixed endpoint (here `/<host>/api/upload`, the client's rule for a base
// without an `api.` label) and remote uploads named at once, tracked by id.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostId } from '../../lib/hosts/types';
import type { FaultDialect } from './faults';
import { apiParams, sendJson } from './http';
import { removeParts } from './multipart';
import type { RemoteFetcher } from './remote';
import type { SimState } from './state';
import { parseXfsTime } from './time';
import type { RemoteUploadRecord, SimAccount, SimFile } from './types';
import { landUpload, receiveUploadForm } from './upload-form';
import { folderExists } from './xfs-context';

export interface MixdropEnv {
  sim: SimState;
  remote: RemoteFetcher;
  origin: string;
}

interface Ctx extends MixdropEnv {
  hostId: string;
  account: SimAccount;
  q: Record<string, string>;
  url: URL;
}

type Body = Record<string, unknown>;

const ok = (result: unknown): Body => ({ success: true, result });
const fail = (msg: string): Body => ({ success: false, result: { msg } });

export const mixdropDialect: FaultDialect = {
  wrongKey: (res) => sendJson(res, 200, fail('Wrong email or api key')),
  errorBody: (status) => fail(status === 429 ? 'Too many requests' : `Server error ${status}`),
};

const seconds = (f: SimFile) => Math.floor(parseXfsTime(f.uploaded) / 1000);
const links = (env: { origin: string }, f: SimFile) => ({ url: `${env.origin}/f/${f.code}`, embedurl: `${env.origin}/e/${f.code}` });

function fileStatus(ctx: Ctx, f: SimFile): string {
  const status = ctx.sim.status(f);
  if (status === 'ready') return 'OK';
  if (!Number.isFinite(f.encodeStartedAt)) return 'Uploading';
  const share = ctx.sim.encodeShare(f);
  return share < 0.1 ? 'Convert Queue' : `Converting ( ${Math.round(share * 100)}% )`;
}

function fileRow(ctx: Ctx, f: SimFile) {
  return {
    fileref: f.code,
    title: f.title,
    // Sizes as text, durations as numbers, as the document's examples mix them.
    size: String(f.size),
    duration: ctx.sim.status(f) === 'ready' ? f.length : null,
    subtitle: false,
    isvideo: true,
    isaudio: false,
    added: seconds(f),
    status: fileStatus(ctx, f),
    deleted: false,
    url: links(ctx, f).url,
    yourfile: true,
    thumb: `${ctx.origin}/thumbs/${f.code}.jpg`,
  };
}

function remoteRow(ctx: Ctx, r: RemoteUploadRecord) {
  const file = ctx.account.files.get(r.fileCode);
  const status = r.error !== undefined ? 'Error' : r.ok ? 'Complete' : 'Downloading';
  return {
    url: r.url,
    name: file?.title ?? '',
    status,
    ...(r.error !== undefined ? { error: r.error } : {}),
    progress: r.ok ? '100' : '0',
    added: String(file ? seconds(file) : Math.floor(Date.now() / 1000)),
    completed: r.ok && file ? String(Math.floor(Date.now() / 1000)) : '',
    fileref: r.fileCode,
  };
}

let nextRemoteId = 10;

const endpoints: Record<string, (ctx: Ctx) => Body> = {
  remoteupload: (ctx) => {
    const url = ctx.q.url;
    if (!url) return fail('url is required');
    const folderId = ctx.q.folder || '0';
    if (!folderExists(ctx.account, folderId)) return fail('folder not found');
    let title = 'remote video';
    try {
      title = decodeURIComponent(new URL(url).pathname.split('/').pop() || '') || title;
    } catch {
      // Queued all the same; its fetch fails.
    }
    const file = ctx.sim.createFile(ctx.account, {
      title: ctx.q.name || title,
      size: 0,
      status: 'encoding',
      encodeStartedAt: Infinity,
      sourceUrl: url,
      folderId,
    });
    const record: RemoteUploadRecord = { hostId: ctx.hostId as HostId, url, fileCode: file.code, ok: false };
    const id = String(nextRemoteId++);
    ctx.sim.remoteUploads.push(record);
    ctx.sim.remoteIds.set(id, record);
    ctx.remote.start(ctx.account, file, url, record);
    return ok({ id, fileref: file.code, ...links(ctx, file) });
  },

  remotestatus: (ctx) => {
    const mine = [...ctx.sim.remoteIds].filter(([, r]) => r.hostId === ctx.hostId && ctx.account.files.has(r.fileCode));
    if (ctx.q.id === undefined) return ok(mine.map(([, r]) => remoteRow(ctx, r)));
    const one = mine.find(([id]) => id === ctx.q.id);
    return one ? ok(remoteRow(ctx, one[1])) : fail('Remote upload not found');
  },

  fileinfo2: (ctx) => {
    const refs = ctx.url.searchParams.getAll('ref[]');
    if (refs.length === 0) return fail('ref[] is required');
    if (refs.length > 50) return fail('Maximum 50 files');
    const rows = refs.flatMap((ref) => {
      const file = ctx.account.files.get(ref);
      return file && ctx.sim.status(file) !== 'failed' ? [[ref, fileRow(ctx, file)] as const] : [];
    });
    return ok(Object.fromEntries(rows));
  },
};

function authenticate(sim: SimState, hostId: string, email: string | undefined, key: string | undefined): SimAccount | undefined {
  const account = key ? sim.accountFor(hostId, key) : undefined;
  return account && account.email === email ? account : undefined;
}

/** `/<host>/api/<path>`; the upload POST is `/<host>/api/upload`. */
export async function handleMixdropApi(env: MixdropEnv, hostId: string, path: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (path === 'upload' && req.method === 'POST') {
    await handleMixdropUpload(env, hostId, req, res);
    return;
  }
  const handler = Object.hasOwn(endpoints, path) ? endpoints[path] : undefined;
  const q = await apiParams(Boolean(handler), req, res, url, (message) => sendJson(res, 200, fail(message)));
  if (!handler || !q) return;
  const account = authenticate(env.sim, hostId, q.email, q.key);
  if (!account) {
    mixdropDialect.wrongKey(res);
    return;
  }
  sendJson(res, 200, handler({ ...env, hostId, account, q, url }));
}

async function handleMixdropUpload(env: MixdropEnv, hostId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await receiveUploadForm(req, res, env.sim.dataDir, (message) => sendJson(res, 200, fail(message)));
  if (!form) return;
  const { fields, parts } = form;
  const part = parts.find((p) => p.field === 'file');
  const account = authenticate(env.sim, hostId, fields.email, fields.key);
  const reject = async (message: string) => {
    await removeParts(parts);
    sendJson(res, 200, fail(message));
  };
  if (!account) return reject('Wrong email or api key');
  if (!part) return reject('file is required');
  if (part.size === 0) return reject('The file is empty');
  const folderId = fields.folder || '0';
  if (!folderExists(account, folderId)) return reject('folder not found');
  const file = await landUpload(env.sim, account, form, part, { folderId });
  sendJson(res, 200, ok({ fileref: file.code, ...links(env, file) }));
}
