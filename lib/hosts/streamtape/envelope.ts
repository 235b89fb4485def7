// The Streamtape envelope: {"status","msg","result"}. The body's `status`
// carries the outcome whatever the HTTP code (200 OK, 400, 403 wrong login or
// key, 404, 451, 509, 50x) and may come as text; `msg` is for people only
// ("please don't use it for checking if the request succeeded").
import { asNumber, asObject, asString, type Json } from '../coerce';
import { invalidResponse, looksLikeAuthMessage, statusFailure, type FailureContext } from '../failures';
import { readJson, type HttpReply } from '../http';
import { guarded } from '../shape';
import type { Capability } from '../types';
import { missingEndpoint, UnsupportedAtHost } from '../unsupported';

/** The body of a successful reply; every failure throws a AppError. */
function readStreamtapeBody(reply: HttpReply, ctx: FailureContext): Json {
  const body = asObject(readJson(reply, ctx));
  if (!body) {
    if (reply.status >= 300) throw statusFailure(reply.status, ctx);
    throw invalidResponse(ctx, 'no JSON object');
  }
  const msg = asString(body.msg) ?? asString(body.message);
  const status = asNumber(body.status);
  if (status !== undefined && status !== 200) throw statusFailure(status, ctx, msg);
  if (reply.status >= 300) throw statusFailure(reply.status, ctx, msg);
  if (status === undefined) {
    // Without its status the body can only be trusted when it says nothing against itself.
    if (msg && looksLikeAuthMessage(msg)) throw statusFailure(403, ctx, msg);
    if (!('result' in body)) throw invalidResponse(ctx, 'no status');
  }
  return body;
}

// Narrower than "not allowed": Streamtape refuses an action on someone else's file with 403 too.
const refusal =
  /not allowed in (the )?api|function (is )?not (allowed|available|supported)|unknown (api )?(method|action|function|request)|invalid (method|action)|no such (method|action|function)/i;

/** A host's words for "this API function does not exist here". */
export function refusesEndpoint(message: string): boolean {
  return refusal.test(message);
}

/** Streamtape's message field, or the other spelling some hosts of the family use. */
const streamtapeMessage = (body: Json) => asString(body.msg) ?? asString(body.message);

/**
 * A reply reader: envelope, then the endpoint's parser. With `capability`,
 * a missing endpoint (a custom host without it) raises UnsupportedAtHost.
 */
export function streamtapeReader<T>(ctx: FailureContext, parse: (result: unknown) => T, capability?: Capability): (reply: HttpReply) => T {
  return (reply) =>
    guarded(ctx, () => {
      // The web server's own "no such page", or a JSON refusal ("not allowed in API").
      if (capability && missingEndpoint(reply, streamtapeMessage, refusesEndpoint) !== false) throw new UnsupportedAtHost(ctx, capability);
      return parse(readStreamtapeBody(reply, ctx).result);
    });
}

/** The multipart POST's reply comes as text from the uploader; it wears the same envelope. */
export function readStreamtapeText<T>(text: string, ctx: FailureContext, parse: (result: unknown) => T): T {
  return streamtapeReader(ctx, parse)({ status: 200, contentType: '', text });
}
