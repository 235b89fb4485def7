import { useState } from 'preact/hooks';
import { send } from '../../lib/messaging';
import { t, type MessageKey } from '../../lib/i18n';
import type { StoredProblem } from '../../lib/storage/versioned-item';
import type { UnreadableKind, UnreadableReport } from '../../lib/protocol/unreadable';
import { downloadText } from '../shared/download';
import { ErrorNote } from '../shared/ErrorNote';
import { useAction } from '../hooks/useAction';
import { useRemote } from '../hooks/useRemote';
import { localNumber } from '../../lib/format/local';

// Stored entries the background could not read: what was wrong, and the two
// ways out, both on the user's explicit click. Nothing shows when all reads.
// An export never carries a key in plain text: it is encrypted with the
// passphrase asked for here, or the background removes the secrets.

function problemWords(problem: StoredProblem): string {
  switch (problem.code) {
    case 'not_record':
      return t('optProblemNotRecord');
    case 'newer_version':
      return t('optProblemNewerVersion', [localNumber(problem.version), localNumber(problem.known)]);
    case 'no_migration':
      return t('optProblemNoMigration', localNumber(problem.version));
    case 'migration_failed':
      return t('optProblemMigrationFailed', localNumber(problem.version));
    case 'bad_shape':
      return t('optProblemBadShape', problem.fields.join(', '));
    case 'unknown_host':
      return t('optProblemUnknownHost', problem.hostId);
    case 'duplicate_id':
      return t('optProblemDuplicateId');
  }
}

const wholeTitles: Record<Exclude<UnreadableKind, 'account'>, MessageKey> = {
  accounts: 'optUnreadableAccountStore',
  legacyAccounts: 'optUnreadableLegacyAccounts',
  settings: 'optUnreadableSettings',
  linkHealth: 'optUnreadableLinkHealth',
  recentJobs: 'optUnreadableRecentJobs',
  pickerEntry: 'optUnreadablePickerEntry',
};

function nameOf(entry: UnreadableReport): string {
  if (entry.kind !== 'account') return t('optUnreadableWhole');
  return entry.id ? t('optUnreadableAccount', entry.id) : t('optUnreadableAccountNoId');
}

/** Asks for the passphrase in place: the export is encrypted with it, or saved with its secrets removed. */
function ExportForm({ name, pending, onSave, onCancel }: { name: string; pending: boolean; onSave(passphrase: string): void; onCancel(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const id = `unreadable-passphrase-${name.replace(/\W+/g, '-')}`;
  const save = (e: Event) => {
    e.preventDefault();
    onSave(passphrase);
  };
  return (
    <form class="stack" onSubmit={save} aria-label={t('optUnreadableExportFor', name)}>
      <label for={id}>{t('optUnreadableExportPassphrase')}</label>
      <input
        id={id}
        type="password"
        autocomplete="new-password"
        value={passphrase}
        aria-describedby={`${id}-help`}
        onInput={(e) => setPassphrase((e.target as HTMLInputElement).value)}
      />
      <p id={`${id}-help`} class="muted small">
        {t('optUnreadableExportPassphraseHelp')}
      </p>
      <div class="row">
        <button type="submit" disabled={pending}>
          {t('optUnreadableExportSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('optUnreadableExportCancel')}
        </button>
      </div>
    </form>
  );
}

function Entry({
  entry,
  pending,
  onExport,
  onRemove,
}: {
  entry: UnreadableReport;
  pending: boolean;
  onExport(passphrase: string): Promise<boolean>;
  onRemove(): void;
}) {
  const name = nameOf(entry);
  const [asking, setAsking] = useState(false);
  return (
    <li data-ref={entry.ref}>
      <div class="row">
        <strong class="grow">{name}</strong>
        <button type="button" aria-label={t('optUnreadableExportFor', name)} aria-expanded={asking} onClick={() => setAsking(!asking)}>
          {t('optUnreadableExport')}
        </button>
        <button type="button" aria-label={t('optUnreadableRemoveFor', name)} onClick={() => confirm(t('optUnreadableRemoveConfirm', name)) && onRemove()}>
          {t('optRemove')}
        </button>
      </div>
      <p class="muted small" data-field="problem">
        {problemWords(entry.problem)}
      </p>
      {asking ? (
        <ExportForm
          name={name}
          pending={pending}
          onSave={(passphrase) => void onExport(passphrase).then((ok) => ok && setAsking(false))}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </li>
  );
}

export function UnreadableEntries() {
  const found = useRemote('storage.unreadable', {});
  // Whatever a write did (or failed to do), the list is read again: an entry may have gone or become readable meanwhile.
  const write = useAction({ after: found.reload });
  const [notice, setNotice] = useState<string | undefined>();
  const entries = found.data ?? [];
  if (!entries.length && !notice) return found.error ? <ErrorNote error={found.error} /> : null;

  const exportEntry = (entry: UnreadableReport, passphrase: string) =>
    write.run(async () => {
      setNotice(undefined);
      const out = await send('storage.exportUnreadable', { ref: entry.ref, passphrase: passphrase || undefined });
      downloadText(out.fileName, out.text, 'application/json');
      setNotice(
        out.protection === 'encrypted'
          ? t('optUnreadableExportedEncrypted', out.fileName)
          : t('optUnreadableExportedRedacted', [out.fileName, localNumber(out.redacted), out.marker]),
      );
    });
  const removeEntry = (entry: UnreadableReport) =>
    write.run(async () => {
      await send('storage.removeUnreadable', { ref: entry.ref, confirmed: true });
      setNotice(t('optUnreadableRemoved'));
    });
  const accounts = entries.filter((e) => e.kind === 'account');
  const wholes = entries.filter((e) => e.kind !== 'account');
  // Chrome's i18n has no plural rules: one message for one, one for more.
  const accountsTitle = accounts.length === 1 ? t('optUnreadableAccountsOne') : t('optUnreadableAccountsMany', localNumber(accounts.length));
  const list = (items: UnreadableReport[], label: string) => (
    <ul class="list" aria-label={label}>
      {items.map((entry) => (
        <Entry
          key={entry.ref}
          entry={entry}
          pending={write.pending}
          onExport={(passphrase) => exportEntry(entry, passphrase)}
          onRemove={() => void removeEntry(entry)}
        />
      ))}
    </ul>
  );

  return (
    <section class="panel" aria-labelledby="unreadable-heading" style={{ marginBottom: '16px' }}>
      <h2 id="unreadable-heading" class="warn">
        {t('optUnreadableHeading')}
      </h2>
      <p class="muted small">{t('optUnreadableHelp')}</p>
      <p class="small">{t('optUnreadableExportNote')}</p>
      <ErrorNote error={write.error} />
      {notice ? <p aria-live="polite">{notice}</p> : null}
      {accounts.length ? (
        <>
          <h3>{accountsTitle}</h3>
          {list(accounts, accountsTitle)}
        </>
      ) : null}
      {wholes.map((entry) => {
        const title = t(wholeTitles[entry.kind as Exclude<UnreadableKind, 'account'>]);
        return (
          <div key={entry.ref}>
            <h3>{title}</h3>
            {list([entry], title)}
          </div>
        );
      })}
    </section>
  );
}
