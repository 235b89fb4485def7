// The XFS envelope: {"msg","server_time","status","result"}, where the body's
// `status` mirrors the HTTP code and may be a string, and a 200 reply may
// still carry an error.
import { asNumber, asObject, asString, type Json } from '../coerce';
import { looksLikeAuthMessage, statusFailure, invalidResponse, type FailureContext } from '../failures';
import { readJson, type HttpReply } from '../http';
import { guarded } from '../shape';
import type { Capability } from '../types';
import { missingEndpoint, UnsupportedAtHost } from '../unsupported';

const refusal =
  /not allowed|not supported|unsupported|not available|disabled|unknown (api )?(method|action|op|function|request)|invalid (method|action|op)|no such (method|action|function)/i;

/** A host's words for "this API function does not exist here". */
export function refusesEndpoint(message: string): boolean {
  return refusal.test(message);
}

export function hostMessage(body: Json): string | undefined {
  return asString(body.msg) ?? asString(body.message) ?? asString(body.error);
}

/** The body of a successful XFS reply; every failure throws a AppError. */
function readXfsBody(reply: HttpReply, ctx: FailureContext): Json {
  const parsed = readJson(reply, ctx);
  const body = asObject(parsed);
  if (!body) {
    if (reply.status >= 300) throw statusFailure(reply.status, ctx);
    throw invalidResponse(ctx, 'no JSON object');
  }
  const msg = hostMessage(body);
  const status = asNumber(body.status);
  if (status !== undefined && status !== 200) throw statusFailure(status, ctx, msg);
  if (reply.status >= 300) throw statusFailure(reply.status, ctx, msg);
  // Some servers say "Invalid key" with no status, or even with status 200, and no result.
  if (msg && looksLikeAuthMessage(msg) && (status === undefined || body.result === undefined)) throw statusFailure(403, ctx, msg);
  return body;
}

/**
 * A reply reader for one endpoint: envelope first, then the endpoint's
 * parser. With `capability`, a missing endpoint raises UnsupportedAtHost.
 */
export function xfsReader<T>(ctx: FailureContext, parse: (result: unknown, body: Json) => T, capability?: Capability): (reply: HttpReply) => T {
  return (reply) =>
    guarded(ctx, () => {
      if (capability) {
        // A 404 page, or a JSON refusal ("This function not allowed in API", "unknown op").
        const missing = missingEndpoint(reply, hostMessage, refusesEndpoint);
        if (missing !== false) throw new UnsupportedAtHost(ctx, capability, typeof missing === 'string' ? missing : undefined);
      }
      const body = readXfsBody(reply, ctx);
      return parse(body.result, body);
    });
}
