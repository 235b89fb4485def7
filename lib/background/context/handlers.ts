import type { MessageType, ParsedRequestOf, ResponseMap } from '../../messaging';
import type { SenderLike } from '../../protocol/senders';

// What a request handler is, for every message of the protocol: the handler
// factories (lib/background/handlers) return them, the router (root/router.ts) runs them.

export type Handlers = {
  [T in MessageType]: (payload: ParsedRequestOf<T>, sender?: SenderLike) => Promise<ResponseMap[T]>;
};

/** The handlers of one feature's request map (lib/protocol/<feature>.ts). */
export type HandlersFor<R> = Pick<Handlers, keyof R & MessageType>;
