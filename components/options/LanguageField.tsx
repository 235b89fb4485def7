import { BROWSER_LANGUAGE, languageChoices, languages, PSEUDO_LANGUAGE, t } from '../../lib/i18n';
import { send } from '../../lib/messaging';
import { ErrorNote } from '../shared/ErrorNote';
import { useAction } from '../hooks/useAction';

// The UI language: as the browser, or one of the locales named in its own
// language. Every open page and the background follow a change
// (components/shared/startPage.ts, lib/background/root/language.ts).

const names: Record<string, string> = { ...Object.fromEntries(languages.map((l) => [l.code, l.name])), [PSEUDO_LANGUAGE]: 'Pseudo (en_XA)' };

export function LanguageField({ value }: { value: string | undefined }) {
  const save = useAction();
  return (
    <div style={{ marginBlockEnd: '16px' }}>
      <label for="language">{t('optLanguage')}</label>
      <select
        id="language"
        aria-describedby="language-help"
        value={value ?? BROWSER_LANGUAGE}
        disabled={value === undefined || save.pending}
        onChange={(e) => {
          const language = e.currentTarget.value;
          void save.run(() => send('settings.language', { language }));
        }}
      >
        <option value={BROWSER_LANGUAGE}>{t('optLanguageBrowser')}</option>
        {languageChoices().map((code) => (
          <option key={code} value={code} lang={code.replace('_', '-')}>
            {names[code]}
          </option>
        ))}
      </select>
      <p id="language-help" class="muted">
        {t('optLanguageHelp')}
      </p>
      <ErrorNote error={save.error} />
    </div>
  );
}
