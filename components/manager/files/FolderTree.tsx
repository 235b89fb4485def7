import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Folder } from '../../../lib/hosts/types';
import type { AccountCapabilities } from '../../../lib/protocol/files';
import { errorFrom, send } from '../../../lib/messaging';
import { useAction } from '../../hooks/useAction';
import { unavailable } from './capabilities';
import { t } from '../../../lib/i18n';

// Folders load one level at a time, as the user opens them.

const ROOT = '0';

interface Props {
  accountId: string;
  caps: AccountCapabilities | undefined;
  /** undefined: all files, whatever their folder. */
  current: string | undefined;
  onSelect(folderId: string | undefined): void;
  /** Every folder loaded so far, for "move to" pickers. */
  onKnown(folders: Folder[]): void;
  notify(text: string, kind?: 'ok' | 'error'): void;
}

export function FolderTree({ accountId, caps, current, onSelect, onKnown, notify }: Props) {
  const [children, setChildren] = useState<Record<string, Folder[]>>({});
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [newName, setNewName] = useState('');
  const [rename, setRename] = useState('');
  const [moveTo, setMoveTo] = useState(ROOT);
  // Right after an account switch `caps` still describes the previous account: wait for the new one's.
  const ownCaps = caps?.accountId === accountId ? caps : undefined;
  const noFolders = unavailable(ownCaps, 'listFolder');

  // The latest callbacks from the parent, used without reloading the tree when they change.
  const notifier = useRef(notify);
  notifier.current = notify;
  const knownTo = useRef(onKnown);
  knownTo.current = onKnown;

  const load = useCallback(
    async (parent: string) => {
      try {
        const { folders } = await send('folders.list', { accountId, folderId: parent === ROOT ? undefined : parent });
        setChildren((all) => ({ ...all, [parent]: folders.map((f) => ({ ...f, parentId: parent })) }));
      } catch (error) {
        notifier.current(errorFrom(error).message, 'error');
      }
    },
    [accountId],
  );

  // The top level loads once this account's capabilities say folders can be listed.
  const listable = ownCaps !== undefined && !noFolders;
  useEffect(() => {
    setChildren({});
    setOpen(new Set());
    if (listable) void load(ROOT);
  }, [listable, load]);

  useEffect(() => knownTo.current(Object.values(children).flat()), [children]);

  const all = Object.values(children).flat();
  const selected = all.find((f) => f.folderId === current);

  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else {
      next.add(id);
      if (!children[id]) void load(id);
    }
    setOpen(next);
  };

  const write = useAction({ onError: (error) => notify(error.message, 'error') });
  const run = (what: () => Promise<unknown>, done: string, reload: string[]) =>
    write.run(async () => {
      await what();
      notify(done);
      for (const parent of reload) await load(parent);
    });

  const renderLevel = (parent: string) => (
    <ul class="tree">
      {(children[parent] ?? []).map((folder) => (
        <li key={folder.folderId}>
          <button
            type="button"
            class="twisty"
            aria-label={open.has(folder.folderId) ? t('filesCollapse', folder.name) : t('filesExpand', folder.name)}
            aria-expanded={open.has(folder.folderId)}
            onClick={() => toggle(folder.folderId)}
          >
            <span class="dir-icon">{open.has(folder.folderId) ? '▾' : '▸'}</span>
          </button>
          <button type="button" class="folder" aria-current={current === folder.folderId ? 'true' : undefined} onClick={() => onSelect(folder.folderId)}>
            {folder.name}
          </button>
          {open.has(folder.folderId) ? renderLevel(folder.folderId) : null}
        </li>
      ))}
      {open.has(parent) && children[parent]?.length === 0 ? <li class="muted small">{t('filesNoSubfolders')}</li> : null}
    </ul>
  );

  return (
    <nav aria-label={t('filesFolders')} class="folders" aria-busy={write.pending}>
      <h2>{t('filesFolders')}</h2>
      <button type="button" class="folder" aria-current={current === undefined ? 'true' : undefined} onClick={() => onSelect(undefined)}>
        {t('filesAllFiles')}
      </button>
      {noFolders ? (
        <p class="small muted">{noFolders}</p>
      ) : (
        <>
          <button type="button" class="folder" aria-current={current === ROOT ? 'true' : undefined} onClick={() => onSelect(ROOT)}>
            {t('filesTopLevel')}
          </button>
          {renderLevel(ROOT)}
          <form
            class="small"
            onSubmit={(e) => {
              e.preventDefault();
              const parent = current && current !== ROOT ? current : ROOT;
              void run(
                () => send('folders.create', { accountId, name: newName, parentId: parent === ROOT ? undefined : parent }),
                t('filesCreatedFolder', newName.trim()),
                [parent],
              ).then(() => {
                setNewName('');
                if (parent !== ROOT) setOpen((o) => new Set(o).add(parent));
              });
            }}
          >
            <label for="folder-new">{selected ? t('filesNewFolderIn', selected.name) : t('filesNewFolder')}</label>
            <div class="row">
              <input id="folder-new" class="grow" type="text" value={newName} onInput={(e) => setNewName((e.target as HTMLInputElement).value)} />
              <button type="submit" disabled={!newName.trim() || !!unavailable(caps, 'createFolder')} title={unavailable(caps, 'createFolder')}>
                {t('filesCreateFolder')}
              </button>
            </div>
          </form>
          {selected ? (
            <FolderEdit
              folder={selected}
              folders={all}
              disabled={unavailable(caps, 'editFolder')}
              canMove={caps?.folderEditFields.includes('parentId') ?? false}
              rename={rename}
              setRename={setRename}
              moveTo={moveTo}
              setMoveTo={setMoveTo}
              onRename={() =>
                run(() => send('folders.edit', { accountId, folderId: selected.folderId, name: rename }), t('filesRenamedTo', rename.trim()), [
                  selected.parentId ?? ROOT,
                ]).then(() => setRename(''))
              }
              onMove={() =>
                run(() => send('folders.edit', { accountId, folderId: selected.folderId, parentId: moveTo }), t('filesMovedName', selected.name), [
                  selected.parentId ?? ROOT,
                  moveTo,
                ])
              }
            />
          ) : null}
        </>
      )}
    </nav>
  );
}

interface EditProps {
  folder: Folder;
  folders: Folder[];
  disabled: string | undefined;
  canMove: boolean;
  rename: string;
  setRename(v: string): void;
  moveTo: string;
  setMoveTo(v: string): void;
  onRename(): void;
  onMove(): void;
}

function FolderEdit({ folder, folders, disabled, canMove, rename, setRename, moveTo, setMoveTo, onRename, onMove }: EditProps) {
  // A folder cannot go into itself or below itself.
  const below = new Set([folder.folderId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of folders) if (f.parentId && below.has(f.parentId) && !below.has(f.folderId)) grew = below.add(f.folderId).size > 0;
  }
  const targets = folders.filter((f) => !below.has(f.folderId) && f.folderId !== folder.parentId);
  return (
    <div class="small">
      <label for="folder-rename">{t('filesRenameTo', folder.name)}</label>
      <div class="row">
        <input id="folder-rename" class="grow" type="text" value={rename} onInput={(e) => setRename((e.target as HTMLInputElement).value)} />
        <button type="button" disabled={!!disabled || !rename.trim()} title={disabled} onClick={onRename}>
          {t('filesRenameFolder')}
        </button>
      </div>
      {canMove ? (
        <>
          <label for="folder-move">{t('filesMoveInto', folder.name)}</label>
          <div class="row">
            <select id="folder-move" class="grow" value={moveTo} onChange={(e) => setMoveTo((e.target as HTMLSelectElement).value)}>
              <option value={ROOT}>{t('filesTopLevel')}</option>
              {targets.map((f) => (
                <option key={f.folderId} value={f.folderId}>
                  {f.name}
                </option>
              ))}
            </select>
            <button type="button" disabled={!!disabled} title={disabled} onClick={onMove}>
              {t('filesMoveFolder')}
            </button>
          </div>
        </>
      ) : (
        <p class="muted">{t('filesCannotMoveFolders')}</p>
      )}
      {disabled ? <p class="muted">{disabled}</p> : null}
    </div>
  );
}
