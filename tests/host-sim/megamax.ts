// megamax.me: its own envelope {status, message, result}, login+key on every
// call, hashids, a generated upload URL, and statuses that move with time.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultDialect } from './faults';
import { apiParams, sendJson } from './http';
import { removeParts } from './multipart';
import type { SimState } from './state';
import { isoMicros, parseXfsTime, xfsTime } from './time';
import type { SimAccount, SimFile } from './types';
import { landUpload, receiveUploadForm } from './upload-form';

export const megamaxId = 'megamax.me';

export interface MegamaxEnv {
  sim: SimState;
  origin: string;
}

const statuses = ['onqueue', 'transferring', 'processing', 'converting', 'converted', 'failed'] as const;

const success = (result: unknown) => ({ status: 'success', message: 'OK', result });
const error = (message: string) => ({ status: 'error', message });

export const megamaxDialect: FaultDialect = {
  wrongKey: (res) => sendJson(res, 401, error('Invalid credentials')),
  errorBody: (status) => ({ ...error(status === 429 ? 'Too many requests' : `Server error ${status}`), code: status }),
};

function megamaxStatus(sim: SimState, f: SimFile): (typeof statuses)[number] {
  const status = sim.status(f);
  if (status === 'failed') return 'failed';
  if (status === 'ready') return 'converted';
  const share = sim.encodeShare(f);
  if (share < 0.1) return 'onqueue';
  if (share < 0.25) return 'transferring';
  if (share < 0.45) return 'processing';
  return 'converting';
}

function fileRow(sim: SimState, f: SimFile) {
  return {
    hashid: f.code,
    name: f.title,
    type: 'video',
    size: f.size,
    views: f.views,
    poster: `${f.code}.jpg`,
    status: megamaxStatus(sim, f),
    created_at: isoMicros(parseXfsTime(f.uploaded)),
  };
}

function authenticate(sim: SimState, login: string | undefined, key: string | undefined): SimAccount | undefined {
  const account = key ? sim.accountFor(megamaxId, key) : undefined;
  return account && account.login === login ? account : undefined;
}

/** `/megamax.me/api/<path>` */
export async function handleMegamaxApi(env: MegamaxEnv, path: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = matchRoute(path);
  const q = await apiParams(Boolean(route), req, res, url, (message) => sendJson(res, 400, error(message)));
  if (!route || !q) return;
  const account = authenticate(env.sim, q.login, q.key);
  if (!account) {
    megamaxDialect.wrongKey(res);
    return;
  }
  const { sim, origin } = env;
  if (route.name === 'generate') {
    const token = randomBytes(5).toString('hex');
    sim.uploadTokens.set(token, account);
    sendJson(res, 200, success(`${origin}/${megamaxId}/endpoint/file/upload/${token}`));
    return;
  }
  if (route.name === 'list') {
    if (q.status && !(statuses as readonly string[]).includes(q.status)) {
      sendJson(res, 400, error(`status must be one of ${statuses.join(', ')}`));
      return;
    }
    const files = [...account.files.values()]
      .filter((f) => (!q.folder || f.folderId === q.folder) && (!q.status || megamaxStatus(sim, f) === q.status))
      .reverse()
      .map((f) => fileRow(sim, f));
    sendJson(res, 200, success(files));
    return;
  }
  const file = account.files.get(route.hashid);
  if (!file) {
    sendJson(res, 404, error('File not found'));
    return;
  }
  const converted = megamaxStatus(sim, file) === 'converted';
  if (route.name === 'get') {
    sendJson(res, 200, success(fileRow(sim, file)));
  } else if (route.name === 'mirrors') {
    sendJson(res, 200, success(converted ? mirrors(origin, file) : []));
  } else if (!converted) {
    sendJson(res, 400, error('The file is not converted yet'));
  } else {
    const expires = Date.now() + 6 * 3600_000;
    const signature = randomBytes(32).toString('hex');
    const stream = `${origin}/${megamaxId}/attach/${file.code}/${Math.floor(expires / 1000)}/v.mp4?signature=${signature}`;
    sendJson(res, 200, success([{ label: 'source', size: file.size, stream, download: `${stream}&dl=1`, expires_at: isoMicros(expires) }]));
  }
}

type Route = { name: 'generate' } | { name: 'list' } | { name: 'get' | 'mirrors' | 'direct'; hashid: string };

function matchRoute(path: string): Route | undefined {
  if (path === 'file/upload/generate') return { name: 'generate' };
  if (path === 'file/get') return { name: 'list' };
  const m = /^(file\/get|mirror\/get)\/([A-Za-z0-9]+)(\/direct)?$/.exec(path);
  if (!m) return undefined;
  if (m[1] === 'mirror/get') return m[3] ? undefined : { name: 'mirrors', hashid: m[2] };
  return { name: m[3] ? 'direct' : 'get', hashid: m[2] };
}

function mirrors(origin: string, f: SimFile) {
  const host = new URL(origin).host;
  const at = f.uploaded;
  return [
    {
      title: 'source',
      size: f.size,
      mirrors: [
        { driver: 'ok', iframe: `//${host}/e/${f.code}`, link: null, uploaded_at: at, checked_at: null },
        { driver: 'uptobox', iframe: `//${host}/e/${f.code}`, link: `${origin}/${f.code}.html`, uploaded_at: at, checked_at: null },
      ],
    },
  ];
}

/** POST `/megamax.me/endpoint/file/upload/<token>` with file, login, key, folder. */
export async function handleMegamaxUpload(env: MegamaxEnv, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const owner = env.sim.uploadTokens.get(token);
  if (!owner) {
    req.resume();
    sendJson(res, 404, error('Upload URL is unknown or expired; generate a new one'));
    return;
  }
  const form = await receiveUploadForm(req, res, env.sim.dataDir, (message) => sendJson(res, 400, error(message)));
  if (!form) return;
  const { fields, parts } = form;
  const part = parts.find((p) => p.field === 'file');
  const account = authenticate(env.sim, fields.login, fields.key);
  const reject = async (status: number, message: string) => {
    await removeParts(parts);
    sendJson(res, status, error(message));
  };
  if (account !== owner) return reject(401, 'Invalid credentials');
  if (!part) return reject(422, 'The file field is required');
  if (part.size === 0) return reject(422, 'The file is empty');
  if (part.size > account.storageLeft) return reject(422, 'Not enough storage left on your account');
  const folder = fields.folder || null;
  const file = await landUpload(env.sim, account, form, part, { folderId: folder ?? '0', uploaded: xfsTime() });
  const ext = /\.([^.]+)$/.exec(part.filename)?.[1] ?? '';
  sendJson(
    res,
    200,
    success({
      hashid: file.code,
      folder: folder === null ? null : Number(folder) || folder,
      name: part.filename,
      ext,
      mimeType: part.mimeType,
      size: part.size,
      status: megamaxStatus(env.sim, file),
      uploaded_at: isoMicros(parseXfsTime(file.uploaded)),
    }),
  );
}
