// VidGuard (https://vidguard.to/api): {msg, result, status} with capitalised
// field names, the key on every call, user/info, user/complaints, and an
// upload server URL with a token per upload, answered with HashID and URL.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultDialect } from './faults';
import { readParams, sendJson, sendNotFoundPage } from './http';
import { removeParts } from './multipart';
import type { SimState } from './state';
import type { SimAccount } from './types';
import { landUpload, receiveUploadForm } from './upload-form';
import { titleFromName } from './xfs-context';

export interface VidguardEnv {
  sim: SimState;
  origin: string;
}

const done = (result: unknown, msg = 'Done') => ({ msg, result, status: 200 });
const error = (status: number, msg: string) => ({ msg, result: null, status });

export const vidguardDialect: FaultDialect = {
  wrongKey: (res) => sendJson(res, 403, error(403, 'Invalid API key')),
  errorBody: (status) => error(status, status === 429 ? 'Too many requests' : 'Error'),
};

/**
 * One complaint per pending DMCA entry the simulator seeds (open, naming that
 * video), and one resolved complaint, which the client must leave out.
 */
function complaints(sim: SimState, account: SimAccount, q: Record<string, string>) {
  const open = (sim.dmca.get(account) ?? []).map((entry, i) => ({
    AffectedVideos: [entry.code],
    ID: 1024 + i,
    Status: 'open',
    Notifier: 'notices@example.test',
  }));
  const resolved = { AffectedVideos: ['ResolvedVideo01'], ID: 999, Status: 'resolved', Notifier: 'notices@example.test' };
  const all = [...open, resolved].filter((c) => !q.status || c.Status === q.status);
  const limit = Number(q.limit);
  return Number.isInteger(limit) && limit > 0 ? all.slice(0, limit) : all;
}

/** `/<host>/api/<path>` */
export async function handleVidguardApi(env: VidguardEnv, hostId: string, path: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (!['user/info', 'user/complaints', 'upload/server'].includes(path) || req.method !== 'GET') {
    sendNotFoundPage(res);
    return;
  }
  const q = await readParams(req, url);
  const account = q.key ? env.sim.accountFor(hostId, q.key) : undefined;
  if (!account) {
    vidguardDialect.wrongKey(res);
    return;
  }
  if (path === 'user/info') {
    sendJson(res, 200, done({ Balance: account.balance, CreatedAt: '2022-09-27T08:28:59+08:00', Currency: '$', Email: account.email, Role: 'trusted' }));
  } else if (path === 'user/complaints') {
    sendJson(res, 200, done(complaints(env.sim, account, q)));
  } else {
    const token = randomBytes(8).toString('base64url');
    env.sim.uploadTokens.set(token, account);
    sendJson(res, 200, done({ url: `${env.origin}/${hostId}/v1/upload?token=${token}` }));
  }
}

/** POST `/<host>/v1/upload?token=…` with key, folder and file. */
export async function handleVidguardUpload(env: VidguardEnv, hostId: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const owner = env.sim.uploadTokens.get(url.searchParams.get('token') ?? '');
  if (!owner || owner.hostId !== hostId) {
    req.resume();
    sendJson(res, 404, error(404, 'Upload token is unknown or expired'));
    return;
  }
  const form = await receiveUploadForm(req, res, env.sim.dataDir, (message) => sendJson(res, 400, error(400, message)));
  if (!form) return;
  const { fields, parts } = form;
  const part = parts.find((p) => p.field === 'file');
  const reject = async (status: number, message: string) => {
    await removeParts(parts);
    sendJson(res, status, error(status, message));
  };
  if (!fields.key || env.sim.accountFor(hostId, fields.key) !== owner) return reject(403, 'Invalid API key');
  if (!part || part.size === 0) return reject(400, 'The file is missing or empty');
  if (fields.folder !== undefined && !/^\d+$/.test(fields.folder)) return reject(400, 'folder must be an integer');
  if (part.size > owner.storageLeft) return reject(400, 'Not enough storage left on your account');
  const folder = fields.folder ?? '0';
  const file = await landUpload(env.sim, owner, form, part, { title: titleFromName(part.filename), folderId: folder });
  const embed = `<iframe src="//${new URL(env.origin).host}/e/${file.code}" allowfullscreen></iframe>`;
  sendJson(
    res,
    200,
    done(
      {
        Embed: embed,
        EmbedAntiBot: embed,
        FolderID: Number(folder),
        HashID: file.code,
        MimeType: part.mimeType,
        Name: part.filename,
        Size: part.size,
        URL: `//${new URL(env.origin).host}/v/${file.code}`,
      },
      'Video uploaded',
    ),
  );
}
