// Parsers are pure and know nothing of accounts; when a reply has the wrong
// shape they throw BadShape, and the dialect turns it into a AppError that
// names the host. Anything else a parser might throw becomes the same error,
// so no bare TypeError ever leaves the host layer.
import { AppError } from '../errors';
import { invalidResponse, type FailureContext } from './failures';

class BadShape extends Error {}

export function badShape(what: string): never {
  throw new BadShape(what);
}

export function guarded<T>(ctx: FailureContext, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidResponse(ctx, error instanceof BadShape ? error.message : 'unexpected reply shape');
  }
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype|<html|<head|<body|<\?xml|<form|<div|<p>|<h\d|<title)/i.test(text) || /<\/(html|body|form|textarea)>/i.test(text);
}
