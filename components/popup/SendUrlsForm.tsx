import { useState } from 'preact/hooks';
import type { PublicAccount } from '../../lib/accounts';
import { errorFrom, send } from '../../lib/messaging';
import { ErrorNote } from '../ErrorNote';
import { AccountPicker, useAccountChoice } from '../AccountPicker';
import type { UiError } from '../useRemote';

/** One URL per line; blank lines and surrounding spaces are ignored. */
export function splitUrls(text: string): string[] {
  return text
    .split(/\s*\n\s*/)
    .map((line) => line.trim())
    .filter(Boolean);
}

interface Props {
  accounts: PublicAccount[];
  defaultAccountId?: string;
  onSent(): void;
}

export function SendUrlsForm({ accounts, defaultAccountId, onSent }: Props) {
  const { usable, accountId, setAccountId } = useAccountChoice(accounts, defaultAccountId);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | undefined>();
  const [result, setResult] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    const urls = splitUrls(text);
    if (urls.length === 0) {
      setError({ code: 'invalid_input', message: 'Paste at least one video URL, one per line.' });
      return;
    }
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const { jobs, refused } = await send('remote.send', { accountId, urls });
      // Refused lines stay in the box so nothing the user typed is lost.
      setText(refused.map((r) => r.url).join('\n'));
      setResult(
        [jobs.length ? `Sent ${jobs.length} URL${jobs.length === 1 ? '' : 's'}.` : '', ...refused.map((r) => `Not sent: ${r.url} — ${r.reason}`)]
          .filter(Boolean)
          .join('\n'),
      );
      onSent();
    } catch (e) {
      setError(errorFrom(e));
    } finally {
      setBusy(false);
    }
  };

  if (usable.length === 0) return null;
  return (
    <form onSubmit={submit} aria-label="Send URLs">
      <label for="urls">Video URLs</label>
      <textarea id="urls" rows={3} placeholder="https://example.com/video.mp4" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <div class="row" style={{ marginTop: '6px' }}>
        <AccountPicker id="send-account" class="grow" inline accounts={usable} value={accountId} onChange={setAccountId} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
      <ErrorNote error={error} />
      {result ? (
        <p role="status" class="small" style={{ whiteSpace: 'pre-line' }}>
          {result}
        </p>
      ) : null}
    </form>
  );
}
