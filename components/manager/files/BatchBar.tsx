import { useState } from 'preact/hooks';
import type { Folder } from '../../../lib/hosts/types';
import type { AccountCapabilities, ListedFile } from '../../../lib/protocol/files';
import { jobsToCsv, toJson } from '../../../lib/links/export';
import { send } from '../../../lib/messaging';
import { downloadText } from '../../shared/download';
import { useAction } from '../../hooks/useAction';
import { CopyAs } from '../../shared/CopyAs';
import { fileLinkItem } from '../../format/linkItems';
import { unavailable } from './capabilities';
import { EditForm } from './EditForm';
import { FolderSelect } from './FolderSelect';
import { fileColumns, fileToRow } from './fileRows';
import { t } from '../../../lib/i18n';
import { localNumber } from '../../../lib/format/local';

// Actions on every selected file at once.

interface Props {
  accountId: string;
  caps: AccountCapabilities;
  selected: ListedFile[];
  folders: Folder[];
  onChanged(): Promise<void>;
  onClear(): void;
  onCheck(): Promise<void>;
  notify(text: string, kind?: 'ok' | 'error'): void;
}

export function BatchBar({ accountId, caps, selected, folders, onChanged, onClear, onCheck, notify }: Props) {
  const [moveTo, setMoveTo] = useState('');
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const codes = selected.map((f) => f.fileCode);
  const count = selected.length;
  const moveReason = unavailable(caps, 'moveFiles');
  const editReason = unavailable(caps, 'editFile') ?? (caps.editFields.some((f) => f !== 'title') ? undefined : t('filesRenameOnly', caps.hostLabel));
  const deleteReason = unavailable(caps, 'deleteFiles');
  const checkReason = unavailable(caps, 'fileInfo');
  const stamp = () => new Date().toISOString().slice(0, 10);

  const write = useAction({ onError: (error) => notify(error.message, 'error') });
  const run = (what: () => Promise<unknown>, done: string) =>
    write.run(async () => {
      await what();
      notify(done);
      await onChanged();
    });

  return (
    <section class="panel batch" aria-label={t('filesSelectedSection')} aria-busy={write.pending}>
      <div class="row">
        <strong>{t('filesSelectedCount', localNumber(count))}</strong>
        <button type="button" onClick={onClear}>
          {t('filesClearSelection')}
        </button>
        <span class="grow" />
        <FolderSelect id="batch-move" label={t('filesMoveTo')} folders={folders} value={moveTo} disabled={!!moveReason} onChange={setMoveTo} />
        <button
          type="button"
          disabled={!!moveReason || !moveTo}
          title={moveReason}
          onClick={() =>
            run(
              () => send('files.move', { accountId, codes, folderId: moveTo }),
              count === 1 ? t('filesMovedOne') : t('filesMovedMany', localNumber(count)),
            ).then(onClear)
          }
        >
          {t('filesMove')}
        </button>
        <button type="button" disabled={!!editReason} title={editReason} aria-pressed={editing} onClick={() => setEditing(!editing)}>
          {t('filesEdit')}
        </button>
        <button type="button" disabled={!!checkReason} title={checkReason} onClick={() => void onCheck()}>
          {t('filesCheckLinks')}
        </button>
        <button type="button" disabled={!!deleteReason} title={deleteReason} onClick={() => setConfirmDelete(true)}>
          {t('filesDelete')}
        </button>
      </div>
      <CopyAs idPrefix="batch" accountId={accountId} count={count} items={() => selected.map((f) => fileLinkItem(f, caps.hostLabel))} notify={notify} />
      <div class="row small" style={{ marginTop: '6px' }}>
        <button type="button" onClick={() => downloadText(`vidrelay-files-${stamp()}.csv`, jobsToCsv(selected.map(fileToRow), fileColumns), 'text/csv')}>
          {t('filesExportCsv')}
        </button>
        <button type="button" onClick={() => downloadText(`vidrelay-files-${stamp()}.json`, toJson(selected), 'application/json')}>
          {t('filesExportJson')}
        </button>
        {[moveReason, editReason, deleteReason].filter(Boolean).map((r) => (
          <span key={r} class="muted">
            {r}
          </span>
        ))}
      </div>
      {editing ? (
        <EditForm
          caps={{ ...caps, editFields: caps.editFields.filter((f) => f !== 'title') }}
          files={selected}
          onCancel={() => setEditing(false)}
          onSave={(changes) =>
            run(() => send('files.edit', { accountId, codes, changes }), t('filesSavedMany', localNumber(count))).then(() => setEditing(false))
          }
        />
      ) : null}
      {confirmDelete ? (
        <div class="panel" role="alertdialog" aria-label={t('filesConfirmDelete')}>
          <p>{count === 1 ? t('filesDeleteAskOne', caps.hostLabel) : t('filesDeleteAskMany', [localNumber(count), caps.hostLabel])}</p>
          <button
            type="button"
            class="primary"
            onClick={() =>
              run(() => send('files.delete', { accountId, codes }), t('filesDeletedMany', localNumber(count))).then(() => {
                setConfirmDelete(false);
                onClear();
              })
            }
          >
            {t('filesYesDelete')}
          </button>{' '}
          <button type="button" onClick={() => setConfirmDelete(false)}>
            {t('filesKeepThem')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
