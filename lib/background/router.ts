import { browser } from 'wxt/browser';
import type { Envelope, MessageType, ParsedRequestOf, Reply, ResponseMap } from '../messaging';
import { requestSchemas } from '../protocol';
import { HostError, toSerializedError, type SerializedError } from '../errors';
import { isTrustedSender, type SenderLike } from './sender';

export type Handlers = {
  [T in MessageType]: (payload: ParsedRequestOf<T>) => Promise<ResponseMap[T]>;
};

/** The handlers of one feature's request map (lib/protocol/<feature>.ts). */
export type HandlersFor<R> = Pick<Handlers, keyof R & MessageType>;

function isEnvelope(message: unknown): message is Envelope {
  return !!message && typeof message === 'object' && (message as Envelope).vidrelay === 1 && typeof (message as Envelope).type === 'string';
}

// Hosts take the key in the query string; an unexpected error quoting a URL must not carry it.
const keyParam = /([?&](?:key|api_key|apikey|sess_id|token)=)[^&#\s"']+/gi;

function scrub(error: SerializedError): SerializedError {
  return { ...error, message: error.message.replace(keyParam, '$1***') };
}

/** Check the sender, then the payload, then run the handler; errors come back as { code, message }. */
export async function dispatch(handlers: Handlers, message: unknown, sender: SenderLike): Promise<Reply<unknown> | undefined> {
  if (!isEnvelope(message)) return undefined;
  if (!isTrustedSender(sender)) {
    return { ok: false, error: { code: 'auth', message: 'Refused: messages are only accepted from VidRelay pages.' } };
  }
  // Own properties only: "constructor" or "__proto__" must not reach Object.prototype.
  const schema = Object.hasOwn(requestSchemas, message.type) ? requestSchemas[message.type] : undefined;
  const handler = schema ? (handlers[message.type] as ((payload: unknown) => Promise<unknown>) | undefined) : undefined;
  if (!schema || typeof handler !== 'function') {
    return { ok: false, error: { code: 'invalid_input', message: `Unknown request "${message.type.slice(0, 60)}".` } };
  }
  const parsed = schema.safeParse(message.payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: `Invalid request "${message.type}": ${parsed.error.issues[0]?.message ?? 'bad payload'}` } };
  }
  try {
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    // Log the error's kind only: a message could quote a request that held a key.
    if (!(error instanceof HostError)) console.error('VidRelay handler failed', message.type, error instanceof Error ? error.name : 'error');
    return { ok: false, error: scrub(toSerializedError(error)) };
  }
}

export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: SenderLike) => {
    if (!isEnvelope(message)) return undefined;
    return dispatch(handlers, message, sender);
  });
}
