import { browser } from 'wxt/browser';
import type { z } from './zod';
import { AppError, type ErrorCode } from './errors';

import type { requestSchemas, ResponseMap } from './protocol';
import type { Reply } from './protocol/route';

export type { ResponseMap, Reply };

// The one protocol into the background (from UI pages and the uploader
// document): see lib/protocol/. Who may send each request: lib/protocol/senders.ts.

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<T extends MessageType> = z.input<(typeof requestSchemas)[T]>;
export type ParsedRequestOf<T extends MessageType> = z.output<(typeof requestSchemas)[T]>;

interface Envelope {
  vidrelay: 1;
  type: MessageType;
  payload: unknown;
}

/** A failed request as the UI sees it: switch on `code`. */
class RemoteError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseMap[T]> {
  const envelope: Envelope = { vidrelay: 1, type, payload };
  let reply: Reply<ResponseMap[T]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseMap[T]> | undefined;
  } catch (error) {
    throw new RemoteError('network', `The extension background did not answer: ${String(error)}`);
  }
  if (!reply) throw new RemoteError('server', 'The extension background sent no reply.');
  if (!reply.ok) throw new RemoteError(reply.error.code, reply.error.message);
  return reply.data;
}

export function errorFrom(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof RemoteError || error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'server', message: error instanceof Error ? error.message : String(error) };
}
