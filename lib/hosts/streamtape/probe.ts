// Finds what a custom Streamtape-compatible host offers without changing
// anything on it: only the family's read-only endpoints are asked, with
// nothing but login and key. One answering with the web server's own 404
// page (or a JSON refusal) is missing; the endpoints that create, change or
// delete are assumed from the family's set and confirmed at first use, when
// the client raises UnsupportedAtHost (envelope.ts).
import { asNumber, asObject, asString } from '../coerce';
import { invalidInput, looksLikeAuthMessage, statusFailure, type FailureContext } from '../failures';
import { parseLenientJson, type HttpReply } from '../http';
import type { DialectInput } from '../preset-entry';
import type { Capability } from '../types';
import { streamtapeEndpoints, streamtapeReadOnly, type StreamtapeCapability } from './endpoints';
import { refusesEndpoint } from './envelope';

/** true: the endpoint exists; false: it does not. Throws for wrong credentials or a failing host. */
function answers(reply: HttpReply, ctx: FailureContext): boolean {
  let parsed: unknown;
  try {
    parsed = parseLenientJson(reply.text);
  } catch {
    if (reply.status === 401 || reply.status === 403 || reply.status === 429 || (reply.status >= 500 && reply.status !== 501)) {
      throw statusFailure(reply.status, ctx);
    }
    return false;
  }
  const body = asObject(parsed);
  if (!body) return false;
  const msg = asString(body.msg) ?? asString(body.message) ?? '';
  if (refusesEndpoint(msg)) return false;
  const status = asNumber(body.status) ?? reply.status;
  if (status === 401 || status === 403 || looksLikeAuthMessage(msg)) throw statusFailure(403, ctx, msg);
  if (status === 429 || (status >= 500 && status !== 501)) throw statusFailure(status, ctx, msg);
  return status !== 501;
}

export async function probeStreamtape({ account, apiBase, http, ctx }: DialectInput, capabilities: ReadonlySet<Capability>): Promise<Set<Capability>> {
  const login = account.login?.trim();
  if (!login) throw invalidInput(`${ctx.label} needs the API login as well as the key. Add it in Options.`);
  const found = new Set<Capability>([...capabilities].filter((c) => !streamtapeReadOnly.includes(c as StreamtapeCapability)));
  for (const capability of streamtapeReadOnly) {
    if (!capabilities.has(capability)) continue;
    const url = new URL(`${apiBase}/${streamtapeEndpoints[capability]}`);
    url.searchParams.set('login', login);
    url.searchParams.set('key', account.key);
    if (await http.send({ url, idempotent: true, interpret: (reply) => answers(reply, ctx) })) found.add(capability);
  }
  return found;
}
