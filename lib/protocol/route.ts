import type { SerializedError } from '../errors';

// The one discipline every extension context applies to a runtime message:
// is it ours and addressed to this context, is its sender allowed to send it,
// does its payload pass its check; only then does a handler run. Zod-free
// (checks are anything with safeParse) so the uploader document can use it.

// Who a sender is (its kinds are decided in senders.ts).
export type SenderKind =
  /** An extension UI page: popup, options, manager, picker, welcome. */
  | 'page'
  /**
   * The document running the uploader: offscreen.html in Chrome; in Firefox the
   * event page itself (lib/upload/background/in-background.ts), whose reports
   * are plain calls, so no message there is ever an uploader's.
   */
  | 'uploader'
  /** The background (service worker in Chrome, background page in Firefox). */
  | 'background';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
  /** Firefox: 'addon_child' for extension pages, 'content_child' for content scripts. */
  envType?: string;
  documentId?: string;
}

interface Envelope {
  vidrelay: 1;
  type: string;
  payload: unknown;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: SerializedError };

/** A zod schema, or a zod-shaped check built from a type guard. */
export interface Check<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

function isEnvelope(message: unknown): message is Envelope {
  return !!message && typeof message === 'object' && (message as Envelope).vidrelay === 1 && typeof (message as Envelope).type === 'string';
}

export interface RouteTable {
  checks: Record<string, Check<unknown>>;
  senders: Record<string, readonly SenderKind[]>;
}

export type Admission =
  /** Not a message for this context: stay silent, another context answers it. */
  { kind: 'not-ours' } | { kind: 'refused'; reply: Reply<never> } | { kind: 'admitted'; type: string; payload: unknown };

const own = (table: object, key: string) => Object.hasOwn(table, key);

/**
 * Decide about one message. `unknownTypes`: 'refuse' answers a request no
 * context knows (the background does, so a page gets an error, not silence);
 * 'ignore' stays silent (the uploader document, which sees every message the
 * pages send the background). `othersTypes` are requests another context
 * answers: always silent.
 */
export function admit(
  table: RouteTable,
  message: unknown,
  kinds: ReadonlySet<SenderKind>,
  options: { unknownTypes: 'refuse' | 'ignore'; othersTypes?: object; refusal: string },
): Admission {
  if (!isEnvelope(message)) return { kind: 'not-ours' };
  // Own properties only: "constructor" or "__proto__" must not reach Object.prototype.
  const known = own(table.checks, message.type) && own(table.senders, message.type);
  if (!known && (options.unknownTypes === 'ignore' || (options.othersTypes && own(options.othersTypes, message.type)))) return { kind: 'not-ours' };
  // The sender comes first: an outsider learns nothing, not even which requests exist.
  if (!kinds.size) return { kind: 'refused', reply: { ok: false, error: { code: 'auth', message: options.refusal } } };
  if (!known) return { kind: 'refused', reply: { ok: false, error: { code: 'invalid_input', message: `Unknown request "${message.type.slice(0, 60)}".` } } };
  if (!table.senders[message.type]!.some((kind) => kinds.has(kind))) {
    return { kind: 'refused', reply: { ok: false, error: { code: 'auth', message: `Refused: "${message.type}" may not be sent from there.` } } };
  }
  const parsed = table.checks[message.type]!.safeParse(message.payload ?? {});
  if (!parsed.success) {
    return {
      kind: 'refused',
      reply: { ok: false, error: { code: 'invalid_input', message: `Invalid request "${message.type}": ${parsed.error.issues[0]?.message ?? 'bad payload'}` } },
    };
  }
  return { kind: 'admitted', type: message.type, payload: parsed.data };
}
