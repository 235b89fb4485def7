import { useState } from 'preact/hooks';
import { errorFrom, send } from '../../lib/messaging';
import { t, type MessageKey } from '../../lib/i18n';
import type { StoredProblem } from '../../lib/persist';
import type { UnreadableKind, UnreadableReport } from '../../lib/protocol/storage';
import { downloadText } from '../download';
import { ErrorNote } from '../ErrorNote';
import { useRemote, type UiError } from '../useRemote';

// Stored entries the background could not read: what was wrong, and the two
// ways out, both on the user's explicit click. Nothing shows when all reads.

export function problemWords(problem: StoredProblem): string {
  switch (problem.code) {
    case 'not_record':
      return t('optProblemNotRecord');
    case 'newer_version':
      return t('optProblemNewerVersion', [String(problem.version), String(problem.known)]);
    case 'no_migration':
      return t('optProblemNoMigration', String(problem.version));
    case 'migration_failed':
      return t('optProblemMigrationFailed', String(problem.version));
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
};

function nameOf(entry: UnreadableReport): string {
  if (entry.kind !== 'account') return t('optUnreadableWhole');
  return entry.id ? t('optUnreadableAccount', entry.id) : t('optUnreadableAccountNoId');
}

function Entry({ entry, onExport, onRemove }: { entry: UnreadableReport; onExport(): void; onRemove(): void }) {
  const name = nameOf(entry);
  return (
    <li data-ref={entry.ref}>
      <div class="row">
        <strong class="grow">{name}</strong>
        <button type="button" aria-label={t('optUnreadableExportFor', name)} onClick={onExport}>
          {t('optUnreadableExport')}
        </button>
        <button type="button" aria-label={t('optUnreadableRemoveFor', name)} onClick={() => confirm(t('optUnreadableRemoveConfirm', name)) && onRemove()}>
          {t('optRemove')}
        </button>
      </div>
      <p class="muted small" data-field="problem">
        {problemWords(entry.problem)}
      </p>
    </li>
  );
}

export function UnreadableEntries() {
  const found = useRemote('storage.unreadable', {});
  const [error, setError] = useState<UiError | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const entries = found.data ?? [];
  if (!entries.length && !notice) return found.error ? <ErrorNote error={found.error} /> : null;

  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(errorFrom(e));
    }
    await found.reload();
  };
  const exportEntry = (entry: UnreadableReport) =>
    run(async () => {
      const out = await send('storage.exportUnreadable', { ref: entry.ref });
      downloadText(out.fileName, out.text, 'application/json');
    });
  const removeEntry = (entry: UnreadableReport) =>
    run(async () => {
      await send('storage.removeUnreadable', { ref: entry.ref, confirmed: true });
      setNotice(t('optUnreadableRemoved'));
    });
  const accounts = entries.filter((e) => e.kind === 'account');
  const wholes = entries.filter((e) => e.kind !== 'account');
  // Chrome's i18n has no plural rules: one message for one, one for more.
  const accountsTitle = accounts.length === 1 ? t('optUnreadableAccountsOne') : t('optUnreadableAccountsMany', String(accounts.length));
  const list = (items: UnreadableReport[], label: string) => (
    <ul class="list" aria-label={label}>
      {items.map((entry) => (
        <Entry key={entry.ref} entry={entry} onExport={() => void exportEntry(entry)} onRemove={() => void removeEntry(entry)} />
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
      <ErrorNote error={error} />
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
