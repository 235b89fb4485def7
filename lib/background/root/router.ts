import { browser } from 'wxt/browser';
import type { MessageType, Reply } from '../../messaging';
import type { Handlers } from '../context/handlers';

export type { Handlers };
import { requestSchemas } from '../../protocol';
import { admit } from '../../protocol/route';
import { backgroundSenders, senderKinds, uploaderDocumentSenders, type SenderEnv, type SenderLike } from '../../protocol/senders';
import { AppError, toSerializedError, type SerializedError } from '../../errors';

// Hosts take the key in the query string; an unexpected error quoting a URL must not carry it.
const keyParam = /([?&](?:key|api_key|apikey|sess_id|token)=)[^&#\s"']+/gi;

function scrub(error: SerializedError): SerializedError {
  return { ...error, message: error.message.replace(keyParam, '$1***') };
}

const table = { checks: requestSchemas, senders: backgroundSenders };

/**
 * Check the sender, then the payload, then run the handler; errors come back
 * as { code, message }. Undefined (synchronously) for a message this context
 * does not answer: a promise of undefined would still answer, and win the
 * race against the context that should.
 */
export function route(handlers: Handlers, message: unknown, sender: SenderLike, env?: SenderEnv): Promise<Reply<unknown>> | undefined {
  const verdict = admit(table, message, senderKinds(sender, env), {
    unknownTypes: 'refuse',
    othersTypes: uploaderDocumentSenders,
    refusal: 'Refused: messages are only accepted from VidRelay pages.',
  });
  if (verdict.kind === 'not-ours') return undefined;
  if (verdict.kind === 'refused') return Promise.resolve(verdict.reply);
  const handler = handlers[verdict.type as MessageType] as ((payload: unknown, sender: SenderLike) => Promise<unknown>) | undefined;
  if (typeof handler !== 'function') {
    return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: `Unknown request "${verdict.type.slice(0, 60)}".` } });
  }
  return (async (): Promise<Reply<unknown>> => {
    try {
      return { ok: true, data: await handler(verdict.payload, sender) };
    } catch (error) {
      // Log the error's kind only: a message could quote a request that held a key.
      if (!(error instanceof AppError)) console.error('VidRelay handler failed', verdict.type, error instanceof Error ? error.name : 'error');
      return { ok: false, error: scrub(toSerializedError(error)) };
    }
  })();
}

export async function dispatch(handlers: Handlers, message: unknown, sender: SenderLike, env?: SenderEnv): Promise<Reply<unknown> | undefined> {
  return route(handlers, message, sender, env);
}

export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: SenderLike) => route(handlers, message, sender));
}
