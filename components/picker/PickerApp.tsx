import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AppError } from '../../lib/errors';
import { errorFrom, send } from '../../lib/messaging';
import type { PickerView } from '../../lib/protocol/picker';
import type { FoundVideo } from '../../lib/media/types';
import { ErrorNote } from '../shared/ErrorNote';
import { useAction } from '../hooks/useAction';
import type { UiError } from '../hooks/useRemote';
import { describeCandidate } from './describe';
import { t } from '../../lib/i18n';
import { localNumber } from '../../lib/format/local';
import { downloadPattern } from '../../lib/accounts/host-access';

/** The sites of the chosen streams, as host permission patterns. */
function streamOrigins(chosen: readonly FoundVideo[]): string[] {
  const origins = new Set<string>();
  for (const video of chosen) {
    if (video.kind !== 'hls') continue;
    try {
      origins.add(downloadPattern(video.url));
    } catch {
      // Stored candidates are absolute URLs; an odd one asks for nothing.
    }
  }
  return [...origins];
}

/** The picker is a window or tab of its own; closing it is the way back to the page. */
async function closeSelf(): Promise<void> {
  try {
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) {
      await browser.tabs.remove(tab.id);
      return;
    }
  } catch {
    // fall back to the window itself
  }
  window.close();
}

interface Props {
  id: string;
  onClose?(): void;
  /** How long the "Sent" message stays before the window closes. */
  closeDelayMs?: number;
}

export function PickerApp({ id, onClose = () => void closeSelf(), closeDelayMs = 1500 }: Props) {
  const [view, setView] = useState<PickerView | undefined>();
  const [loadError, setError] = useState<UiError | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState('');
  const write = useAction();
  const error = write.error ?? loadError;
  const [sent, setSent] = useState<string | undefined>();

  useEffect(() => {
    if (!id) {
      setError({ code: 'invalid_input', message: t('pickNoList') });
      return;
    }
    send('picker.get', { id }).then(
      (loaded) => {
        setView(loaded);
        // The first is the finder's best guess; the user can change it.
        setSelected(
          loaded.candidates
            .filter((c) => !c.stream?.refused)
            .slice(0, 1)
            .map((c) => c.url),
        );
        setTarget(loaded.target);
      },
      (e) => setError(errorFrom(e)),
    );
  }, [id]);

  const toggle = (url: string, on: boolean) => setSelected((now) => (on ? [...now.filter((u) => u !== url), url] : now.filter((u) => u !== url)));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!view) return;
    await write.run(async () => {
      if (selected.length === 0) throw new AppError('invalid_input', t('pickTickOne'));
      // A stream is relayed: VidRelay downloads it itself, so it needs the stream's site (asked during the click).
      const origins = streamOrigins(view.candidates.filter((c) => selected.includes(c.url)));
      if (origins.length && !(await browser.permissions.request({ origins }).catch(() => false))) {
        throw new AppError('permission', t('popupRelayNeedsAccess'));
      }
      // Sent in the page's order, whatever order they were ticked in.
      const urls = view.candidates.map((c) => c.url).filter((url) => selected.includes(url));
      const { jobs, targetLabel } = await send('picker.send', { id, urls, target });
      setSent(jobs.length === 1 ? t('pickSentOne', targetLabel) : t('pickSentMany', [localNumber(jobs.length), targetLabel]));
      setTimeout(onClose, closeDelayMs);
    });
  };

  const cancel = async () => {
    if (id) await send('picker.dismiss', { id }).catch(() => undefined);
    onClose();
  };

  return (
    <main style={{ padding: '12px', maxWidth: '640px' }}>
      <h1>{t('pickHeading')}</h1>
      {view?.pageUrl ? (
        <p class="small muted ellipsis" title={view.pageUrl}>
          {t('pickFoundOn', view.pageUrl)}
        </p>
      ) : null}
      <ErrorNote error={error} />
      {sent ? (
        <p role="status" class="ok">
          {sent}
        </p>
      ) : null}
      {!view && !error ? <p class="empty">{t('pickLoading')}</p> : null}
      {view && !sent ? (
        <form onSubmit={submit} aria-label={t('pickForm')}>
          <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend>
              <h2>{t('pickFoundHeading', localNumber(view.candidates.length))}</h2>
            </legend>
            <ul class="list" aria-label={t('pickList')}>
              {view.candidates.map((video, index) => {
                const text = describeCandidate(video);
                const inputId = `candidate-${index}`;
                const refused = text.refusal !== undefined;
                return (
                  <li key={video.url} class="row" data-url={video.url} style={{ alignItems: 'flex-start', flexWrap: 'nowrap' }}>
                    <input
                      type="checkbox"
                      id={inputId}
                      checked={!refused && selected.includes(video.url)}
                      disabled={refused}
                      onChange={(e) => toggle(video.url, (e.target as HTMLInputElement).checked)}
                      aria-describedby={refused ? `${inputId}-refused ${inputId}-url` : `${inputId}-url`}
                      style={{ marginTop: '4px' }}
                    />
                    <div class="grow">
                      <label for={inputId} style={{ margin: 0 }}>
                        {text.name}
                      </label>
                      <div class="small muted">
                        {text.host} · {text.details}
                      </div>
                      <div id={`${inputId}-url`} class="small muted ellipsis" title={video.url}>
                        {video.url}
                      </div>
                      {video.kind === 'embed' ? <div class="small warn">{t('pickEmbedWarn')}</div> : null}
                      {refused ? (
                        <div id={`${inputId}-refused`} class="small warn">
                          {text.refusal}
                        </div>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          {view.targets.length === 0 ? (
            <p class="empty">{t('pickNoAccount')}</p>
          ) : (
            <>
              <label for="picker-target">{t('pickSendTo')}</label>
              <select id="picker-target" value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
                {view.targets.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </>
          )}
          <div class="row" style={{ marginTop: '12px' }}>
            <button type="submit" class="primary" disabled={write.pending || view.targets.length === 0}>
              {write.pending ? t('pickSending') : t('pickSendSelected')}
            </button>
            <span class="small muted grow" aria-live="polite">
              {t('pickSelected', [localNumber(selected.length), localNumber(view.candidates.length)])}
            </span>
            <button type="button" onClick={() => void cancel()}>
              {t('pickCancel')}
            </button>
          </div>
        </form>
      ) : null}
      {error && !view ? (
        <button type="button" onClick={() => void onClose()}>
          {t('pickClose')}
        </button>
      ) : null}
    </main>
  );
}
