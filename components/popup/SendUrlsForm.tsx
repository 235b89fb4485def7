import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { RelayProbe } from '../../lib/protocol/uploads';
import { formatBytes } from '../format/values';
import { useRemote } from '../hooks/useRemote';
import type { PublicAccount } from '../../lib/accounts';
import { t } from '../../lib/i18n';
import { AppError } from '../../lib/errors';
import { errorFrom, send } from '../../lib/messaging';
import { ErrorNote } from '../shared/ErrorNote';
import { AccountPicker, useAccountChoice } from '../shared/AccountPicker';
import { useAction } from '../hooks/useAction';
import { localNumber } from '../../lib/format/local';
import { downloadPattern } from '../../lib/accounts/host-access';

/** One URL per line; blank lines and surrounding spaces are ignored. */
function splitUrls(text: string): string[] {
  return text
    .split(/\s*\n\s*/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function sentText(count: number): string {
  if (count === 0) return '';
  return count === 1 ? t('popupSentOne') : t('popupSentMany', localNumber(count));
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
  const [probed, setProbed] = useState<RelayProbe[]>();
  const hosts = useRemote('uploads.hosts', {});
  const host = hosts.data?.[accountId];
  // A host that cannot fetch URLs itself gets the relay instead of a job that must fail.
  const relay = host !== undefined && !host.canRemote && host.canUpload;

  const submit = async (event: Event) => {
    event.preventDefault();
    const urls = splitUrls(text);
    // A relay first asks for the sources' sites: that must happen during the click, before anything is awaited.
    if (relay && urls.length) {
      await write.run(() => probeRelay(urls));
      return;
    }
    await write.run(async () => {
      // What was sent before stays shown under this error.
      if (urls.length === 0) throw new AppError('invalid_input', t('popupPasteUrls'));
      setResult(undefined);
      const { jobs, refused } = await send('remote.send', { accountId, urls });
      // Refused lines stay in the box so nothing the user typed is lost.
      setText(refused.map((r) => r.url).join('\n'));
      setResult([sentText(jobs.length), ...refused.map((r) => t('popupNotSent', [r.url, r.reason]))].filter(Boolean).join('\n'));
      onSent();
    });
  };

  // Step one of a relay: access to the sources' sites (asked during the click), then their sizes.
  const probeRelay = async (urls: string[]) => {
    setResult(undefined);
    setProbed(undefined);
    const origins: string[] = [];
    const refused: string[] = [];
    for (const url of urls) {
      try {
        const origin = downloadPattern(url);
        if (!origins.includes(origin)) origins.push(origin);
      } catch {
        refused.push(t('popupNotSent', [url, t('upRelayBadUrl')]));
      }
    }
    if (origins.length && !(await browser.permissions.request({ origins }))) {
      throw new AppError('permission', t('popupRelayNeedsAccess'));
    }
    const found: RelayProbe[] = [];
    for (const url of urls) {
      if (refused.some((line) => line.includes(url))) continue;
      try {
        found.push(await send('relay.probe', { url }));
      } catch (e) {
        refused.push(t('popupNotSent', [url, errorFrom(e).message]));
      }
    }
    setProbed(found.length ? found : undefined);
    if (refused.length) setResult(refused.join('\n'));
  };

  // Step two, after the user saw the sizes: queue one relay per video.
  const confirmRelay = async () => {
    if (!probed) return;
    await write.run(async () => {
      const lines: string[] = [];
      const left: string[] = [];
      let queued = 0;
      await send('uploads.prepare', {});
      for (const probe of probed) {
        try {
          await send('relay.add', { accountId, url: probe.url, name: probe.name, size: probe.size });
          queued++;
        } catch (e) {
          left.push(probe.url);
          lines.push(t('popupNotSent', [probe.url, errorFrom(e).message]));
        }
      }
      setText(left.join('\n'));
      setProbed(undefined);
      setResult([queued === 0 ? '' : queued === 1 ? t('popupRelayedOne') : t('popupRelayedMany', localNumber(queued)), ...lines].filter(Boolean).join('\n'));
      onSent();
    });
  };

  if (usable.length === 0) return null;
  const total = probed?.reduce((sum, p) => sum + (p.size ?? 0), 0) ?? 0;
  return (
    <form onSubmit={submit} aria-label={t('popupSendForm')}>
      <label for="urls">{t('popupVideoUrls')}</label>
      <textarea id="urls" rows={3} placeholder="https://example.com/video.mp4" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <div class="row" style={{ marginTop: '6px' }}>
        <AccountPicker
          id="send-account"
          class="grow"
          inline
          accounts={usable}
          value={accountId}
          onChange={(id) => {
            setAccountId(id);
            setProbed(undefined);
          }}
        />
        <button type="submit" class={probed ? undefined : 'primary'} disabled={write.pending}>
          {write.pending ? t('popupSending') : relay ? t('popupRelay') : t('popupSend')}
        </button>
      </div>
      {relay && host ? (
        <p class="small muted" data-field="account-reason">
          {t('popupNoRemote', host.label)}
        </p>
      ) : null}
      {probed ? (
        <div class="row" style={{ marginTop: '6px' }}>
          <span class="grow small">{probed.map((p) => `${p.name} (${p.size === undefined ? t('upSizeUnknown') : formatBytes(p.size)})`).join(', ')}</span>
          <button type="button" class="primary" disabled={write.pending} onClick={() => void confirmRelay()}>
            {t('popupRelayConfirm', [localNumber(probed.length), formatBytes(total)])}
          </button>
        </div>
      ) : null}
      <ErrorNote error={write.error} />
      {result ? (
        <p role="status" class="small" style={{ whiteSpace: 'pre-line' }}>
          {result}
        </p>
      ) : null}
    </form>
  );
}
