import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PublicAccount } from '../../../lib/accounts';
import { errorFrom, send } from '../../../lib/messaging';
import type { RelayProbe, UploadHostInfo } from '../../../lib/protocol/uploads';
import { ErrorNote } from '../../ErrorNote';
import { formatBytes } from '../../format';
import type { UiError } from '../../useRemote';
import { defaultFields, toOptions } from './pending';

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
      origin = `${new URL(url.trim()).origin}/*`;
    } catch {
      setError({ code: 'invalid_input', message: 'Enter the full link to the video, starting with http:// or https://.' });
      return;
    }
    try {
      // First await of the click: the browser asks only during the user's gesture.
      const granted = await browser.permissions.request({ origins: [origin] });
      if (!granted) {
        setError({ code: 'permission', message: 'VidRelay needs access to that site to download the video.' });
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
      setStatus(`Queued ${probe.name} for ${account.label}.`);
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
    <section aria-label="Relay a link" class="panel" style={{ marginTop: '12px' }}>
      <h2>Relay a link through VidRelay</h2>
      <p class="small muted" style={{ margin: 0 }}>
        For hosts without remote upload, or videos the host cannot fetch by itself: VidRelay downloads the video in this browser and uploads it.
      </p>
      <label for="relay-url">Video URL to relay</label>
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
          Check size
        </button>
      </div>
      {host && !host.canUpload ? <p class="small error">{host.label} takes no file uploads; pick another account.</p> : null}
      {probe ? (
        <div class="row" style={{ marginTop: '8px' }} data-field="relay-probe">
          <span class="grow">
            <strong>{probe.name}</strong> · {probe.size ? formatBytes(probe.size) : 'size unknown'}
            {probe.type ? <span class="muted"> · {probe.type}</span> : null}
          </span>
          <button type="button" class="primary" disabled={busy || !account || host?.canUpload === false} onClick={confirm}>
            Confirm and relay
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
