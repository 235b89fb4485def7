import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n';
import { useRemote } from '../hooks/useRemote';
import { useNotice } from '../hooks/useNotice';
import { DemoGuide } from './DemoGuide';

// The first-run page (opened once, after install): three steps, the first
// being the one VidRelay cannot work without, an account.

export function WelcomeApp() {
  // Asked once, then again only when the background says the accounts changed (one is added in
  // Options, another tab): the open page never wakes the background by itself.
  const accounts = useRemote('accounts.list', {});
  useNotice('accounts.changed', () => void accounts.reload());
  const [guide, setGuide] = useState(() => location.hash === '#demo');
  useEffect(() => {
    const onHash = () => setGuide(location.hash === '#demo');
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const hasAccount = (accounts.data?.length ?? 0) > 0;
  const open = (path: string) => void browser.tabs.create({ url: browser.runtime.getURL(path as '/options.html') });

  return (
    <main style={{ maxWidth: '720px', margin: '0 auto', padding: '24px 16px' }}>
      <h1>{t('welcomeHeading')}</h1>
      <p class="muted">{t('welcomeIntro')}</p>
      <ol class="list" aria-label={t('welcomeSteps')}>
        <li data-step="account" data-done={hasAccount ? 'true' : 'false'}>
          <h2>
            {t('welcomeStepAccount')} {hasAccount ? <span class="badge ready">{t('welcomeDone')}</span> : null}
          </h2>
          <p>{t('welcomeStepAccountHelp')}</p>
          <button type="button" class={hasAccount ? undefined : 'primary'} onClick={() => void browser.runtime.openOptionsPage()}>
            {hasAccount ? t('welcomeAddAnother') : t('welcomeAddAccount')}
          </button>
        </li>
        <li data-step="send">
          <h2>{t('welcomeStepSend')}</h2>
          <p>{t('welcomeStepSendHelp')}</p>
        </li>
        <li data-step="upload">
          <h2>{t('welcomeStepUpload')}</h2>
          <p>{t('welcomeStepUploadHelp')}</p>
          <button type="button" disabled={!hasAccount} onClick={() => open('/manager.html#upload')}>
            {t('welcomeOpenUpload')}
          </button>
        </li>
      </ol>
      <section class="panel" style={{ marginTop: '16px' }} aria-label={t('welcomeDemoSection')}>
        <p style={{ margin: 0 }}>{t('welcomeDemoIntro')}</p>
        {guide ? (
          <DemoGuide />
        ) : (
          <button type="button" style={{ marginTop: '8px' }} onClick={() => (location.hash = '#demo')}>
            {t('welcomeOpenDemo')}
          </button>
        )}
      </section>
    </main>
  );
}
