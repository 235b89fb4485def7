// VidGuard's envelope: {"msg":"Done","result":…,"status":200}. The document
// shows no error reply, so a failure is read the way its sibling APIs send
// one: a body status other than 200 (number or text), an HTTP error, or a
// key complaint in `msg` even beside status 200.
import { asNumber, asObject, asString, type Json } from '../coerce';
import { hostFailure, invalidResponse, looksLikeAuthMessage, statusFailure, type FailureContext } from '../failures';
import { readJson, type HttpReply } from '../http';
import { guarded } from '../shape';
import { field } from './fields';

const fine = /^\s*(ok|done|success|true)\s*$/i;

function vidguardMessage(body: Json): string | undefined {
  return asString(field(body, 'msg')) ?? asString(field(body, 'message')) ?? asString(field(body, 'error'));
}

/** The body of a successful reply; every failure throws a AppError. */
function readVidguardBody(reply: HttpReply, ctx: FailureContext): Json {
  const body = asObject(readJson(reply, ctx));
  if (!body) {
    if (reply.status >= 300) throw statusFailure(reply.status, ctx);
    throw invalidResponse(ctx, 'no JSON object');
  }
  const msg = vidguardMessage(body);
  const raw = field(body, 'status');
  const status = asNumber(raw);
  if (status !== undefined && status !== 200) throw statusFailure(status, ctx, msg);
  if (reply.status >= 300) throw statusFailure(reply.status, ctx, msg);
  // A key complaint beside status 200 and no result is still a wrong key.
  if (msg && looksLikeAuthMessage(msg) && (status === undefined || field(body, 'result') === undefined)) throw statusFailure(403, ctx, msg);
  // A status in words ("error", "failed") is a failure; "success" or "ok" is not.
  if (status === undefined && typeof raw === 'string' && !fine.test(raw)) throw hostFailure('bad_request', ctx, { hostText: msg ?? raw });
  return body;
}

/** A reply reader for one endpoint: envelope first, then the endpoint's parser. */
export function vidguardReader<T>(ctx: FailureContext, parse: (result: unknown) => T): (reply: HttpReply) => T {
  return (reply) => guarded(ctx, () => parse(field(readVidguardBody(reply, ctx), 'result')));
}
