import { useRef, useState } from 'preact/hooks';
import { send } from '../../lib/messaging';
import { t, type MessageKey } from '../../lib/i18n';
import { passphraseStrength, type PassphraseStrength } from '../../lib/settings-file/strength';
import type { ExportResult } from '../../lib/settings-file/export';
import { downloadText } from '../shared/download';
import { ErrorNote } from '../shared/ErrorNote';
import { useAction } from '../hooks/useAction';
import { localNumber } from '../../lib/format/local';

const strengthKey: Record<PassphraseStrength, MessageKey> = {
  weak: 'optPassphraseWeak',
  fair: 'optPassphraseFair',
  strong: 'optPassphraseStrong',
};

interface Props {
  /** Called with a summary the page shows in its status line; 'warn' when part of the data is not in the file. */
  onDone(summary: string, tone?: 'ok' | 'warn'): void;
}

/** What the export could not include, in words; empty when everything is in the file. */
export function leftOutWords(out: Pick<ExportResult, 'unreadableAccounts' | 'unreadableAccountLists'>): string[] {
  const words: string[] = [];
  if (out.unreadableAccounts === 1) words.push(t('optExportLeftOutOne'));
  else if (out.unreadableAccounts > 1) words.push(t('optExportLeftOutMany', localNumber(out.unreadableAccounts)));
  if (out.unreadableAccountLists) words.push(t('optExportLeftOutList'));
  return words;
}

/** Export and import of accounts and settings. Keys travel only encrypted, and only with a passphrase. */
export function SettingsFileSection({ onDone }: Props) {
  const [passphrase, setPassphrase] = useState('');
  // Which write is running, for its button's own label; pending and the error are the action's.
  const [doing, setDoing] = useState<'export' | 'import' | undefined>();
  const write = useAction();
  const busy = write.pending ? doing : undefined;
  const fileInput = useRef<HTMLInputElement>(null);
  const strength = passphraseStrength(passphrase);

  const exportFile = () => {
    setDoing('export');
    void write.run(async () => {
      const out = await send('settings.export', { passphrase: passphrase || undefined });
      downloadText(out.fileName, out.text, 'application/json');
      const done = out.keysIncluded
        ? t('optExportedWithKeys', [localNumber(out.accounts), out.fileName])
        : t('optExportedNoKeys', [localNumber(out.accounts), out.fileName]);
      const leftOut = leftOutWords(out);
      onDone([done, ...leftOut].join(' '), leftOut.length ? 'warn' : 'ok');
    });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setDoing('import');
    await write.run(async () => {
      const text = await file.text();
      const result = await send('settings.import', { text, passphrase: passphrase || undefined });
      const missing = result.missingKeys.length ? ` ${t('optImportMissingKeys', result.missingKeys.join(', '))}` : '';
      onDone(`${t('optImported', [localNumber(result.accounts), localNumber(result.keysImported)])}${missing}`);
    });
    // The same file may be picked again after fixing the passphrase.
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section class="panel" aria-labelledby="settings-file-heading" style={{ marginTop: '16px' }}>
      <h2 id="settings-file-heading">{t('optSettingsFileHeading')}</h2>
      <p class="muted small">{t('optSettingsFileHelp')}</p>
      <label for="passphrase">{t('optPassphrase')}</label>
      <input
        id="passphrase"
        type="password"
        autocomplete="new-password"
        value={passphrase}
        aria-describedby="passphrase-help"
        onInput={(e) => setPassphrase((e.target as HTMLInputElement).value)}
      />
      <p id="passphrase-help" class="muted small">
        {t('optPassphraseHelp')}
      </p>
      {passphrase ? (
        <p id="passphrase-strength" class={strength === 'weak' ? 'small error' : 'small muted'} aria-live="polite">
          {t(strengthKey[strength])}
        </p>
      ) : null}
      <div class="row">
        <button type="button" onClick={exportFile} disabled={!!busy}>
          {busy === 'export' ? t('optExporting') : t('optExportSettings')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={!!busy}>
          {busy === 'import' ? t('optImporting') : t('optImportSettings')}
        </button>
        <input
          ref={fileInput}
          id="settings-file"
          class="sr-only"
          type="file"
          accept="application/json,.json"
          aria-label={t('optSettingsFile')}
          tabIndex={-1}
          onChange={(e) => void importFile((e.target as HTMLInputElement).files?.[0])}
        />
      </div>
      <ErrorNote error={write.error} />
    </section>
  );
}
