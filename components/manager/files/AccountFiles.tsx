import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Folder } from '../../../lib/hosts/types';
import type { AccountCapabilities, ListedFile } from '../../../lib/protocol/files';
import { createFileIndex } from '../../../lib/links/filter';
import { send } from '../../../lib/messaging';
import { ErrorNote } from '../../shared/ErrorNote';
import { useAction } from '../../hooks/useAction';
import { usePagedRemote } from '../../hooks/usePagedRemote';
import type { UiError } from '../../hooks/useRemote';
import { useToast } from '../../hooks/useToast';
import { BatchBar } from './BatchBar';
import { unavailable } from './capabilities';
import { FileDetails } from './FileDetails';
import { FileFilters, flag, type FileFilterValues } from './FileFilters';
import { FileRow } from './FileRow';
import { createdSince } from './fileRows';
import { FilesPager } from './FilesPager';
import { FolderTree } from './FolderTree';
import { useFileHealth } from './useFileHealth';
import { VirtualList } from './VirtualList';
import { t } from '../../../lib/i18n';
import { localNumber } from '../../../lib/format/local';

// One account's files: folders, the host's list a page at a time, the text and status
// filter over what is loaded, the selection with its batch actions, one file's details.

const ROW_HEIGHT = 52;
const MAX_LOADED = 10_000;

interface Props {
  accountId: string;
  caps: AccountCapabilities | undefined;
  capsError: UiError | undefined;
  filters: FileFilterValues;
  onFilters(filters: FileFilterValues): void;
}

export function AccountFiles({ accountId, caps, capsError, filters, onFilters }: Props) {
  const [folderId, setFolderId] = useState<string | undefined>(undefined);
  const [folders, setFolders] = useState<Folder[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openCode, setOpenCode] = useState<string>();
  // The host's filters are sent when applied (Apply, a page step), not at every keystroke.
  const [applied, setApplied] = useState(0);
  const toast = useToast();
  const { health, refresh: refreshHealth } = useFileHealth(accountId);

  const listReason = unavailable(caps, 'listFiles');
  const query = (page: number) => ({
    page,
    perPage: filters.perPage,
    folderId,
    title: filters.text.trim() || undefined,
    public: flag(filters.public),
    adult: caps?.adultFlag ? flag(filters.adult) : undefined,
    created: createdSince(filters.since),
  });
  const listKey = caps && !listReason ? JSON.stringify([folderId, filters.perPage, applied]) : undefined;
  const list = usePagedRemote<ListedFile>(
    listKey,
    async (page) => {
      const answer = await send('files.list', { accountId, query: query(page) });
      return { items: answer.files, total: answer.total, pages: answer.pages };
    },
    MAX_LOADED,
  );
  const files = list.items;

  // A selection holds only files that are still listed.
  useEffect(() => {
    const codes = new Set(files.map((f) => f.fileCode));
    setSelected((s) => new Set([...s].filter((c) => codes.has(c))));
  }, [files]);

  const index = useMemo(() => createFileIndex(files), [files]);
  // The index hands back the very objects it was given.
  const shown = useMemo(() => index.filter({ text: filters.text, status: filters.status || undefined }) as ListedFile[], [index, filters.text, filters.status]);
  const selectedFiles = files.filter((f) => selected.has(f.fileCode));
  const open = files.find((f) => f.fileCode === openCode);
  const allShownSelected = shown.length > 0 && shown.every((f) => selected.has(f.fileCode));

  const toggle = (code: string) => {
    const next = new Set(selected);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setSelected(next);
  };

  const check = useAction({ onError: (error) => toast.show(error.message, 'error') });
  const checkSelected = async () => {
    await check.run(async () => {
      const snapshot = await send('health.check', { source: 'files', targets: selectedFiles.map((f) => ({ accountId, code: f.fileCode })) });
      const last = snapshot.last;
      toast.show(
        last
          ? last.unknown
            ? t('filesCheckedUnknown', [localNumber(last.checked), localNumber(last.problems), localNumber(last.unknown)])
            : t('filesChecked', [localNumber(last.checked), localNumber(last.problems)])
          : t('filesCheckedBare'),
      );
      await refreshHealth();
    });
  };

  return (
    <>
      {toast.node}
      <ErrorNote error={capsError ?? list.error} />
      <div class="files-layout">
        <FolderTree
          accountId={accountId}
          caps={caps}
          current={folderId}
          onSelect={(id) => {
            setFolderId(id);
            setSelected(new Set());
          }}
          onKnown={setFolders}
          notify={toast.show}
        />
        <div>
          <FileFilters values={filters} adultFlag={!!caps?.adultFlag} onChange={onFilters} onApply={() => setApplied((n) => n + 1)} />
          <FilesPager
            shown={shown.length}
            loaded={files.length}
            total={list.total}
            page={list.page}
            pages={list.pages}
            perPage={filters.perPage}
            loading={list.loading}
            allSelected={allShownSelected}
            onSelectAll={() => setSelected(allShownSelected ? new Set() : new Set(shown.map((f) => f.fileCode)))}
            onPage={(page) => void list.load(page)}
            onLoadAll={() => void list.loadAll()}
            onRefresh={() => void list.reload()}
          />
          {caps && selectedFiles.length > 0 ? (
            <BatchBar
              accountId={accountId}
              caps={caps}
              selected={selectedFiles}
              folders={folders}
              onChanged={list.reload}
              onClear={() => setSelected(new Set())}
              onCheck={checkSelected}
              notify={toast.show}
            />
          ) : null}
          {listReason && caps ? <p class="empty">{listReason}</p> : null}
          {!listReason && !list.loading && shown.length === 0 ? (
            <p class="empty">{files.length === 0 ? (folderId === undefined ? t('filesNoneYet') : t('filesFolderEmpty')) : t('filesNoMatch')}</p>
          ) : null}
          {shown.length > 0 ? (
            <VirtualList
              items={shown}
              rowHeight={ROW_HEIGHT}
              height={Math.max(260, Math.min(620, innerHeight - 320))}
              label={t('filesSection')}
              keyOf={(f) => f.fileCode}
              renderRow={(f) => (
                <FileRow
                  file={f}
                  selected={selected.has(f.fileCode)}
                  health={health.get(f.fileCode)}
                  folders={folders}
                  onToggle={toggle}
                  onOpen={setOpenCode}
                />
              )}
            />
          ) : null}
          {open && caps ? (
            <FileDetails
              key={open.fileCode}
              accountId={accountId}
              caps={caps}
              file={open}
              folders={folders}
              health={health.get(open.fileCode)}
              onChanged={list.reload}
              onClose={() => setOpenCode(undefined)}
              notify={toast.show}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
