import { useState } from 'preact/hooks';
import type { PublicAccount } from '../../lib/accounts';
import { t } from '../../lib/i18n';
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

function sentText(count: number): string {
  if (count === 0) return '';
  return count === 1 ? t('popupSentOne') : t('popupSentMany', String(count));
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
      setError({ code: 'invalid_input', message: t('popupPasteUrls') });
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
        [sentText(jobs.length), ...refused.map((r) => t('popupNotSent', [r.url, r.reason]))]
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
    <form onSubmit={submit} aria-label={t('popupSendForm')}>
      <label for="urls">{t('popupVideoUrls')}</label>
      <textarea id="urls" rows={3} placeholder="https://example.com/video.mp4" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <div class="row" style={{ marginTop: '6px' }}>
        <AccountPicker id="send-account" class="grow" inline accounts={usable} value={accountId} onChange={setAccountId} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('popupSending') : t('popupSend')}
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
