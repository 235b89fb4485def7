import { browser } from 'wxt/browser';
import { z } from './zod';
import { accountInputSchema, type PublicAccount } from './accounts';
import { uploadOptionsSchema, type Job } from './queue/job';
import type { AccountInfo } from './hosts/types';
import type { Settings } from './storage';
import { HostError, type ErrorCode, type SerializedError } from './errors';

// The one protocol between UI pages and the background. Each message has one
// object argument, checked with zod in the background before any handler runs.

export const requestSchemas = {
  'accounts.list': z.object({}),
  'accounts.save': z.object({ account: accountInputSchema }),
  'accounts.remove': z.object({ id: z.string() }),
  'accounts.test': z.object({ account: accountInputSchema }),
  'settings.get': z.object({}),
  'settings.save': z.object({ defaultAccountId: z.string().optional() }),
  'jobs.list': z.object({ limit: z.number().int().positive().optional() }),
  'jobs.retry': z.object({ id: z.string() }),
  'jobs.cancel': z.object({ id: z.string() }),
  'jobs.remove': z.object({ id: z.string() }),
  'remote.send': z.object({
    accountId: z.string(),
    urls: z.array(z.string()).min(1).max(500),
    options: uploadOptionsSchema.optional(),
  }),
} as const;

export interface ResponseMap {
  'accounts.list': PublicAccount[];
  'accounts.save': PublicAccount;
  'accounts.remove': { removed: boolean };
  'accounts.test': AccountInfo;
  'settings.get': Settings;
  'settings.save': Settings;
  'jobs.list': Job[];
  'jobs.retry': Job;
  'jobs.cancel': Job;
  'jobs.remove': { removed: boolean };
  'remote.send': { jobs: Job[]; refused: { url: string; reason: string }[] };
}

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<T extends MessageType> = z.input<(typeof requestSchemas)[T]>;
export type ParsedRequestOf<T extends MessageType> = z.output<(typeof requestSchemas)[T]>;

export interface Envelope {
  vidrelay: 1;
  type: MessageType;
  payload: unknown;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: SerializedError };

/** A failed request as the UI sees it: switch on `code`. */
export class RemoteError extends Error {
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
  if (error instanceof RemoteError || error instanceof HostError) return { code: error.code, message: error.message };
  return { code: 'server', message: error instanceof Error ? error.message : String(error) };
}
