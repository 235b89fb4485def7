// Mixdrop's envelope: {"success": true, "result": ...}. Its document shows
// no failure and no status codes, so a failure is whatever does not say
// success: its words (in `result.msg`, `msg`, `message`, `error` or a text
// `result`) name the trouble first, then a status in the body, then the
// HTTP code.
import { asBoolean, asNumber, asObject, asString, type Json } from '../coerce';
import { codeForStatus, hostFailure, invalidResponse, looksLikeAuthMessage, statusFailure, type FailureContext } from '../failures';
import { hostTextCap } from '../host-text';
import { readJson, type HttpReply } from '../http';
import { guarded } from '../shape';
import type { ErrorCode } from '../../errors';

const wrongCredentials = /\b(wrong|invalid|incorrect|bad|unknown)\W{1,3}(api\W{1,3})?(e-?mail|key|credentials?|login|user)\b/i;

function codeForMessage(text: string): ErrorCode | undefined {
  const message = text.slice(0, hostTextCap);
  if (looksLikeAuthMessage(message) || wrongCredentials.test(message)) return 'auth';
  if (/too many|rate limit|slow down/i.test(message)) return 'rate_limited';
  if (/not found|does not exist|doesn't exist|no such file|deleted/i.test(message)) return 'not_found';
  if (/bandwidth|quota|storage (is )?full/i.test(message)) return 'bandwidth';
  if (/server error|internal error|temporar|maintenance/i.test(message)) return 'server';
  return undefined;
}

function messageOf(body: Json): string | undefined {
  return asString(asObject(body.result)?.msg) ?? asString(body.msg) ?? asString(body.message) ?? asString(body.error) ?? asString(body.result);
}

/** The body of a successful reply; every failure throws a AppError. */
function readMixdropBody(reply: HttpReply, ctx: FailureContext): Json {
  const body = asObject(readJson(reply, ctx));
  if (!body) {
    if (reply.status >= 300) throw statusFailure(reply.status, ctx);
    throw invalidResponse(ctx, 'no JSON object');
  }
  const success = asBoolean(body.success);
  const bodyStatus = asNumber(body.status) ?? asNumber(body.code);
  const ok = reply.status < 300 && (bodyStatus === undefined || bodyStatus === 200);
  if (ok && success === true) return body;
  const said = messageOf(body);
  if (ok && success === undefined && body.result !== undefined && !(said && codeForMessage(said))) return body;
  if (ok && success === undefined && said === undefined) throw invalidResponse(ctx, 'no success flag');
  const code =
    (said ? codeForMessage(said) : undefined) ??
    (bodyStatus !== undefined ? codeForStatus(bodyStatus) : undefined) ??
    codeForStatus(reply.status) ??
    'bad_request';
  throw hostFailure(code, ctx, { status: reply.status >= 300 ? reply.status : bodyStatus, hostText: said });
}

export function mixdropReader<T>(ctx: FailureContext, parse: (result: unknown) => T): (reply: HttpReply) => T {
  return (reply) => guarded(ctx, () => parse(readMixdropBody(reply, ctx).result));
}

/** The upload POST's reply comes as text from the uploader; it wears the same envelope. */
export function readMixdropText<T>(text: string, ctx: FailureContext, parse: (result: unknown) => T): T {
  return mixdropReader(ctx, parse)({ status: 200, contentType: '', text });
}
