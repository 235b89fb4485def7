import type { ErrorCode } from '../lib/errors';
import { t, type MessageKey } from '../lib/i18n';

// What to do next, by error code; the message itself comes from the background.
const hints: Partial<Record<ErrorCode, MessageKey>> = {
  auth: 'commonHintAuth',
  network: 'commonHintNetwork',
  timeout: 'commonHintTimeout',
  invalid_response: 'commonHintInvalidResponse',
  permission: 'commonHintPermission',
  bandwidth: 'commonHintBandwidth',
  rate_limited: 'commonHintRateLimited',
};

export function ErrorNote({ error }: { error: { code: ErrorCode; message: string } | undefined }) {
  if (!error) return null;
  const hintKey = hints[error.code];
  const hint = hintKey ? t(hintKey) : undefined;
  return (
    <p role="alert" class="error" data-code={error.code}>
      {error.message}
      {hint && !error.message.includes(hint) ? <span class="muted"> {hint}</span> : null}
    </p>
  );
}
