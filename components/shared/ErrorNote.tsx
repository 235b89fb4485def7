import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ErrorCode } from '../../lib/errors';
import { t, type MessageKey } from '../../lib/i18n';

// What to do next, by error code; the message itself comes from the background.
// Host-layer messages already carry their own advice, so the hint is added
// only to a message that does not say the fix yet: the user reads it once.
const hints: Partial<Record<ErrorCode, { key: MessageKey; saidBy: RegExp }>> = {
  auth: { key: 'commonHintAuth', saidBy: /\bcheck (the|your)\b.*\b(key|login)\b/i },
  network: { key: 'commonHintNetwork', saidBy: /\bcheck\b|\btry again\b|\bconnection\b/i },
  timeout: { key: 'commonHintTimeout', saidBy: /\btry again\b|\bretr(y|ies)\b/i },
  invalid_response: { key: 'commonHintInvalidResponse', saidBy: /\bAPI base URL\b/i },
  permission: { key: 'commonHintPermission', saidBy: /\bgrant\b|\ballow\b/i },
  bandwidth: { key: 'commonHintBandwidth', saidBy: /\bwait\b|\bupgrade\b/i },
  rate_limited: { key: 'commonHintRateLimited', saidBy: /\bwait\b|\bretr(y|ies)\b/i },
};

/** The hint to add after `message`, or undefined when the message already says what to do. */
export function hintFor(error: { code: ErrorCode; message: string }): string | undefined {
  const hint = hints[error.code];
  if (!hint || hint.saidBy.test(error.message)) return undefined;
  const text = t(hint.key);
  return error.message.includes(text) ? undefined : text;
}

/** True inside the Options page: advice to go "in Options" is dropped there, the user is already in it. */
export const InOptions = createContext(false);

/** The host layer's advice ("Check the API key in Options.") as read on the Options page itself. */
export function withoutGoToOptions(message: string): string {
  return message.replace(/ in Options(?=[.,;]| \(|$)/g, '');
}

export function ErrorNote({ error }: { error: { code: ErrorCode; message: string } | undefined }) {
  const inOptions = useContext(InOptions);
  if (!error) return null;
  const hint = hintFor(error);
  return (
    <p role="alert" class="error" data-code={error.code}>
      {inOptions ? withoutGoToOptions(error.message) : error.message}
      {hint ? <span class="muted"> {inOptions ? withoutGoToOptions(hint) : hint}</span> : null}
    </p>
  );
}
