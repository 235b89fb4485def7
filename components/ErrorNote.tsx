import type { ErrorCode } from '../lib/errors';

// What to do next, by error code; the message itself comes from the background.
const hints: Partial<Record<ErrorCode, string>> = {
  auth: 'Check the API key (and login) in Options.',
  network: 'Check the API base URL and your connection.',
  timeout: 'The host is slow; try again in a moment.',
  invalid_response: 'The address may not be an API endpoint; check the API base URL.',
  permission: 'Grant VidRelay access to this host.',
  bandwidth: 'The account is over its bandwidth; wait or upgrade the plan.',
  rate_limited: 'Too many requests; VidRelay retries by itself.',
};

export function ErrorNote({ error }: { error: { code: ErrorCode; message: string } | undefined }) {
  if (!error) return null;
  const hint = hints[error.code];
  return (
    <p role="alert" class="error" data-code={error.code}>
      {error.message}
      {hint && !error.message.includes(hint) ? <span class="muted"> {hint}</span> : null}
    </p>
  );
}
