// Every family reads a reply's JSON the same way: leniently (the slips host
// documents show), and a reply that is no JSON at all becomes the AppError
// its HTTP status or its HTML page amounts to.
import { invalidResponse, statusFailure, type FailureContext } from '../failures';
import { looksLikeHtml } from '../shape';
import { parseLenientJson } from './lenient-json';
import type { HttpReply } from './transport';

/** Parses a reply's text into JSON, or throws the AppError it amounts to. */
export function readJson(reply: HttpReply, ctx: FailureContext): unknown {
  const ok = reply.status >= 200 && reply.status < 300;
  try {
    return parseLenientJson(reply.text);
  } catch {
    if (!ok) throw statusFailure(reply.status, ctx, looksLikeHtml(reply.text) ? undefined : reply.text);
    throw invalidResponse(ctx, looksLikeHtml(reply.text) ? 'an HTML page instead of JSON' : 'invalid JSON');
  }
}
