// XFS API dispatcher: endpoint lookup (404 page for what a host lacks),
// key check in the host's own style, then the envelope around the handler's reply.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultDialect } from './faults';
import { apiParams, sendJson } from './http';
import type { RemoteFetcher } from './remote';
import type { SimState } from './state';
import { xfsTime } from './time';
import type { XfsProfile, XfsReply } from './xfs-context';

export interface XfsEnv {
  sim: SimState;
  remote: RemoteFetcher;
  origin: string;
}

export function xfsDialect(profile: XfsProfile): FaultDialect {
  return {
    wrongKey: (res) => sendWrongKey(profile, res),
    errorBody: (status) => ({ msg: status === 429 ? 'Too many requests' : 'Error', server_time: xfsTime(), status }),
  };
}

export function sendWrongKey(profile: XfsProfile, res: ServerResponse): void {
  if (profile.errorsInBody) sendJson(res, 200, { msg: 'Invalid key', status: 403, server_time: xfsTime() });
  else sendJson(res, 403, { msg: 'Wrong auth', status: 403 });
}

function sendReply(profile: XfsProfile, res: ServerResponse, reply: XfsReply): void {
  if (reply.raw !== undefined) {
    sendJson(res, 200, reply.raw);
    return;
  }
  const body: Record<string, unknown> = {
    msg: reply.status === 200 ? 'OK' : (reply.msg ?? 'Error'),
    server_time: xfsTime(),
    status: reply.status,
  };
  if (reply.result !== undefined) body.result = reply.result;
  sendJson(res, profile.errorsInBody ? 200 : reply.status, body);
}

export async function handleXfsApi(env: XfsEnv, profile: XfsProfile, endpoint: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const handler = Object.hasOwn(profile.endpoints, endpoint) ? profile.endpoints[endpoint] : undefined;
  const q = await apiParams(Boolean(handler), req, res, url, (message) => sendReply(profile, res, { status: 400, msg: message }));
  if (!handler || !q) return;
  const account = q.key ? env.sim.accountFor(profile.id, q.key) : undefined;
  if (!account) {
    sendWrongKey(profile, res);
    return;
  }
  sendReply(profile, res, handler({ sim: env.sim, remote: env.remote, origin: env.origin, profile, account, q }));
}
