import { useState } from 'preact/hooks';
import type { PublicAccount } from '../../lib/accounts';
import { t } from '../../lib/i18n';
import { HostError } from '../../lib/errors';
import { send } from '../../lib/messaging';
import { ErrorNote } from '../ErrorNote';
import { AccountPicker, useAccountChoice } from '../AccountPicker';
import { useAction } from '../useAction';

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
  const write = useAction();
  const [result, setResult] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    await write.run(async () => {
      const urls = splitUrls(text);
      // What was sent before stays shown under this error.
      if (urls.length === 0) throw new HostError('invalid_input', t('popupPasteUrls'));
      setResult(undefined);
      const { jobs, refused } = await send('remote.send', { accountId, urls });
      // Refused lines stay in the box so nothing the user typed is lost.
      setText(refused.map((r) => r.url).join('\n'));
      setResult(
        [sentText(jobs.length), ...refused.map((r) => t('popupNotSent', [r.url, r.reason]))]
          .filter(Boolean)
          .join('\n'),
      );
      onSent();
    });
  };

  if (usable.length === 0) return null;
  return (
    <form onSubmit={submit} aria-label={t('popupSendForm')}>
      <label for="urls">{t('popupVideoUrls')}</label>
      <textarea id="urls" rows={3} placeholder="https://example.com/video.mp4" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <div class="row" style={{ marginTop: '6px' }}>
        <AccountPicker id="send-account" class="grow" inline accounts={usable} value={accountId} onChange={setAccountId} />
        <button type="submit" class="primary" disabled={write.pending}>
          {write.pending ? t('popupSending') : t('popupSend')}
        </button>
      </div>
      <ErrorNote error={write.error} />
      {result ? (
        <p role="status" class="small" style={{ whiteSpace: 'pre-line' }}>
          {result}
        </p>
      ) : null}
    </form>
  );
}
