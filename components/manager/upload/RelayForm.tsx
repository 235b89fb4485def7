import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PublicAccount } from '../../../lib/accounts';
import { errorFrom, send } from '../../../lib/messaging';
import type { RelayProbe } from '../../../lib/protocol/uploads';
import type { UploadHostInfo } from '../../../lib/accounts/upload-fit';
import { ErrorNote } from '../../shared/ErrorNote';
import { formatBytes } from '../../format/values';
import { t } from '../../../lib/i18n';
import type { UiError } from '../../hooks/useRemote';
import { defaultFields, toOptions } from './pending';
import { downloadPattern } from '../../../lib/accounts/host-access';

// Relay: VidRelay downloads the video itself and uploads it as a file, for
// hosts without remote upload or sources the host cannot fetch (cookies).
// The user sees the size and confirms before any byte is downloaded.

interface Props {
  account: PublicAccount | undefined;
  host: UploadHostInfo | undefined;
  onQueued(): void;
}

export function RelayForm({ account, host, onQueued }: Props) {
  const [url, setUrl] = useState('');
  const [probe, setProbe] = useState<RelayProbe>();
  const [error, setError] = useState<UiError>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const check = async () => {
    setError(undefined);
    setProbe(undefined);
    setStatus('');
    let origin: string;
    try {
      origin = downloadPattern(url.trim());
    } catch {
      setError({ code: 'invalid_input', message: t('upRelayBadUrl') });
      return;
    }
    try {
      // First await of the click: the browser asks only during the user's gesture.
      const granted = await browser.permissions.request({ origins: [origin] });
      if (!granted) {
        setError({ code: 'permission', message: t('upRelayNeedsAccess') });
        return;
      }
      setBusy(true);
      setProbe(await send('relay.probe', { url: url.trim() }));
    } catch (e) {
      setError(errorFrom(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!probe || !account) return;
    setBusy(true);
    setError(undefined);
    try {
      await send('uploads.prepare', {});
      await send('relay.add', {
        accountId: account.id,
        url: probe.url,
        name: probe.name,
        size: probe.size,
        options: toOptions(defaultFields(account), host),
      });
      setStatus(t('upRelayQueued', [probe.name, account.label]));
      setProbe(undefined);
      setUrl('');
      onQueued();
    } catch (e) {
      setError(errorFrom(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t('upRelaySection')} class="panel" style={{ marginTop: '12px' }}>
      <h2>{t('upRelayHeading')}</h2>
      <p class="small muted" style={{ margin: 0 }}>
        {t('upRelayIntro')}
      </p>
      <label for="relay-url">{t('upRelayUrl')}</label>
      <div class="row">
        <input
          id="relay-url"
          class="grow"
          type="url"
          value={url}
          placeholder="https://example.com/video.mp4"
          style={{ width: 'auto' }}
          onInput={(e) => {
            setUrl((e.target as HTMLInputElement).value);
            setProbe(undefined);
          }}
        />
        <button type="button" disabled={!url.trim() || busy} onClick={check}>
          {t('upRelayCheck')}
        </button>
      </div>
      {host && !host.canUpload ? <p class="small error">{t('upRelayNoUploads', host.label)}</p> : null}
      {probe ? (
        <div class="row" style={{ marginTop: '8px' }} data-field="relay-probe">
          <span class="grow">
            <strong>{probe.name}</strong> · {probe.size ? formatBytes(probe.size) : t('upSizeUnknown')}
            {probe.type ? <span class="muted"> · {probe.type}</span> : null}
          </span>
          <button type="button" class="primary" disabled={busy || !account || host?.canUpload === false} onClick={confirm}>
            {t('upRelayConfirm')}
          </button>
        </div>
      ) : null}
      <ErrorNote error={error} />
      {status ? (
        <p class="small ok" role="status">
          {status}
        </p>
      ) : null}
    </section>
  );
}
