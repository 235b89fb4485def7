import { t } from '../../lib/i18n';

// Trying VidRelay without a real host: the project's host simulator speaks
// every preset's API on this machine, with one demo account per host.

export function DemoGuide() {
  const base = 'http://127.0.0.1:8787/media.cm/api';
  return (
    <section id="demo" aria-label={t('welcomeDemoGuide')}>
      <h2 style={{ marginTop: '12px' }}>{t('welcomeDemoGuide')}</h2>
      <ol>
        <li>
          {t('welcomeDemoRun')} <code>npm run host-sim -- --demo --port 8787</code>
        </li>
        <li>{t('welcomeDemoAdd', [base, 'demo-key-media.cm'])}</li>
        <li>{t('welcomeDemoTry')}</li>
      </ol>
      <p class="small muted">{t('welcomeDemoAll')}</p>
    </section>
  );
}
