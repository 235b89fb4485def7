// megamax.me's envelope: {"status":"success"|"error","message","result"}.
// Errors may come with any HTTP code, so the message decides when the code
// does not.
import { asNumber, asObject, asString, type Json } from '../coerce';
import { codeForStatus, hostFailure, invalidResponse, looksLikeAuthMessage, statusFailure, type FailureContext } from '../failures';
import { readJson, type HttpReply } from '../http';
import { guarded } from '../shape';
import type { ErrorCode } from '../../errors';

function codeForMessage(message: string): ErrorCode | undefined {
  if (looksLikeAuthMessage(message)) return 'auth';
  if (/not found|no query results|does not exist/i.test(message)) return 'not_found';
  if (/too many|rate limit/i.test(message)) return 'rate_limited';
  if (/premium|plan|quota/i.test(message)) return 'bandwidth';
  return undefined;
}

export function readMegamaxBody(reply: HttpReply, ctx: FailureContext): Json {
  const body = asObject(readJson(reply, ctx));
  if (!body) {
    if (reply.status >= 300) throw statusFailure(reply.status, ctx);
    throw invalidResponse(ctx, 'no JSON object');
  }
  const message = asString(body.message) ?? asString(body.msg) ?? asString(body.error);
  const status = body.status;
  const numeric = asNumber(status);
  if (numeric !== undefined && numeric !== 200) throw statusFailure(numeric, ctx, message);
  const failed = (typeof status === 'string' && status.toLowerCase() === 'error') || reply.status >= 300;
  if (failed) {
    const bodyCode = asNumber(body.code);
    const code =
      (message ? codeForMessage(message) : undefined) ??
      (bodyCode !== undefined ? codeForStatus(bodyCode) : undefined) ??
      codeForStatus(reply.status) ??
      'bad_request';
    throw hostFailure(code, ctx, { status: reply.status >= 300 ? reply.status : bodyCode, hostText: message });
  }
  if (typeof status === 'string' && status.toLowerCase() !== 'success' && numeric === undefined) {
    throw invalidResponse(ctx, 'unknown status');
  }
  return body;
}

export function megamaxReader<T>(ctx: FailureContext, parse: (result: unknown) => T): (reply: HttpReply) => T {
  return (reply) => guarded(ctx, () => parse(readMegamaxBody(reply, ctx).result));
}
