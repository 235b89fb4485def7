import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Folder } from '../../../lib/hosts/types';
import type { AccountCapabilities, ListedFile } from '../../../lib/protocol/files';
import type { HealthStatus } from '../../../lib/links/health';
import { createFileIndex } from '../../../lib/links/filter';
import { errorFrom, send } from '../../../lib/messaging';
import { ErrorNote } from '../../shared/ErrorNote';
import { AccountPicker, useAccountChoice } from '../../shared/AccountPicker';
import { useAction } from '../../hooks/useAction';
import type { UiError } from '../../hooks/useRemote';
import { useToast } from '../../hooks/useToast';
import type { ManagerViewProps } from '../view-props';
import { BatchBar } from './BatchBar';
import { unavailable } from './capabilities';
import { FileDetails } from './FileDetails';
import { FileRow } from './FileRow';
import { createdSince } from './fileRows';
import { FolderTree } from './FolderTree';
import { VirtualList } from './VirtualList';
import './files.css';
import { t, type MessageKey } from '../../../lib/i18n';

const ROW_HEIGHT = 52;
const MAX_LOADED = 10_000;
const fileStatuses = ['ready', 'encoding', 'queued', 'failed', 'missing'];
const statusKey: Record<string, MessageKey> = {
  ready: 'filesStatusReady',
  encoding: 'filesStatusEncoding',
  queued: 'filesStatusQueued',
  failed: 'filesStatusFailed',
  missing: 'filesStatusMissing',
};

interface HostFilters {
  public: '' | 'yes' | 'no';
  adult: '' | 'yes' | 'no';
  since: string;
}

const flag = (v: '' | 'yes' | 'no') => (v === '' ? undefined : v === 'yes');

export function FilesView({ accounts, defaultAccountId }: ManagerViewProps) {
  const { usable, accountId, setAccountId } = useAccountChoice(accounts, defaultAccountId);
  const [caps, setCaps] = useState<AccountCapabilities>();
  const [folderId, setFolderId] = useState<string | undefined>(undefined);
  const [folders, setFolders] = useState<Folder[]>([]);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [filters, setFilters] = useState<HostFilters>({ public: '', adult: '', since: '' });
  const [perPage, setPerPage] = useState(100);
  const [page, setPage] = useState(1);
  const [files, setFiles] = useState<ListedFile[]>([]);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [pages, setPages] = useState<number | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<UiError>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openCode, setOpenCode] = useState<string>();
  const [health, setHealth] = useState<Map<string, HealthStatus>>(new Map());
  const toast = useToast();

  useEffect(() => {
    if (!accountId) return;
    setCaps(undefined);
    setFolderId(undefined);
    setSelected(new Set());
    setOpenCode(undefined);
    send('account.capabilities', { accountId })
      .then(setCaps)
      .catch((e) => setError(errorFrom(e)));
  }, [accountId]);

  const refreshHealth = async () => {
    try {
      const snapshot = await send('health.status', {});
      setHealth(new Map(snapshot.entries.filter((e) => e.accountId === accountId).map((e) => [e.code, e.status])));
    } catch {
      // Health marks are extras; the list works without them.
    }
  };

  const query = (p: number) => ({
    page: p,
    perPage,
    folderId,
    title: text.trim() || undefined,
    public: flag(filters.public),
    adult: caps?.adultFlag ? flag(filters.adult) : undefined,
    created: createdSince(filters.since),
  });

  const load = async (p = page, all = false) => {
    if (!accountId || !caps || unavailable(caps, 'listFiles')) return;
    setLoading(true);
    try {
      const first = await send('files.list', { accountId, query: query(p) });
      let loaded = first.files;
      if (all) {
        // Pages are fetched one after another: hosts rate-limit per key.
        for (let next = p + 1; first.pages !== undefined && next <= first.pages && loaded.length < MAX_LOADED; next++) {
          const more = await send('files.list', { accountId, query: query(next) });
          if (more.files.length === 0) break;
          loaded = loaded.concat(more.files);
        }
      }
      setFiles(loaded);
      setTotal(first.total);
      setPages(all ? 1 : first.pages);
      setPage(p);
      setError(undefined);
      const codes = new Set(loaded.map((f) => f.fileCode));
      setSelected((s) => new Set([...s].filter((c) => codes.has(c))));
    } catch (e) {
      setError(errorFrom(e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(1);
    void refreshHealth();
  }, [caps, folderId, perPage]);

  const index = useMemo(() => createFileIndex(files), [files]);
  // The index hands back the very objects it was given.
  const shown = useMemo(() => index.filter({ text, status: status || undefined }) as ListedFile[], [index, text, status]);
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
            ? t('filesCheckedUnknown', [String(last.checked), String(last.problems), String(last.unknown)])
            : t('filesChecked', [String(last.checked), String(last.problems)])
          : t('filesCheckedBare'),
      );
      await refreshHealth();
    });
  };

  if (usable.length === 0) {
    return (
      <section aria-label={t('filesSection')}>
        <p class="empty">
          {t('filesNoAccount')} <a href="/options.html">{t('filesAddInOptions')}</a> {t('filesNoAccountAfter')}
        </p>
      </section>
    );
  }

  const listReason = unavailable(caps, 'listFiles');
  return (
    <section aria-label={t('filesSection')}>
      {toast.node}
      <div class="row" style={{ marginBottom: '8px' }}>
        <div>
          <AccountPicker id="files-account" accounts={usable} value={accountId} onChange={setAccountId} />
        </div>
        <span class="grow" />
        {caps ? <span class="small muted">{caps.hostLabel}</span> : null}
      </div>
      <ErrorNote error={error} />
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
          <form
            class="row"
            aria-label={t('filesFilters')}
            onSubmit={(e) => {
              e.preventDefault();
              void load(1);
            }}
          >
            <div class="grow">
              <label for="files-search">{t('filesSearch')}</label>
              <input id="files-search" type="search" value={text} placeholder={t('filesSearchHint')} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
            </div>
            <div>
              <label for="files-status">{t('filesStatus')}</label>
              <select id="files-status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
                <option value="">{t('filesAny')}</option>
                {fileStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(statusKey[s])}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="files-public">{t('filesPublic')}</label>
              <select id="files-public" value={filters.public} onChange={(e) => setFilters({ ...filters, public: (e.target as HTMLSelectElement).value as HostFilters['public'] })}>
                <option value="">{t('filesAny')}</option>
                <option value="yes">{t('filesPublic')}</option>
                <option value="no">{t('filesPrivate')}</option>
              </select>
            </div>
            {caps?.adultFlag ? (
              <div>
                <label for="files-adult">{t('filesAdult')}</label>
                <select id="files-adult" value={filters.adult} onChange={(e) => setFilters({ ...filters, adult: (e.target as HTMLSelectElement).value as HostFilters['adult'] })}>
                  <option value="">{t('filesAny')}</option>
                  <option value="yes">{t('filesAdult')}</option>
                  <option value="no">{t('filesNotAdult')}</option>
                </select>
              </div>
            ) : null}
            <div>
              <label for="files-since">{t('filesSince')}</label>
              <input id="files-since" type="date" value={filters.since} onInput={(e) => setFilters({ ...filters, since: (e.target as HTMLInputElement).value })} />
            </div>
            <div>
              <label for="files-per-page">{t('filesPerPage')}</label>
              <select id="files-per-page" value={String(perPage)} onChange={(e) => setPerPage(Number((e.target as HTMLSelectElement).value))}>
                {[50, 100, 500, 1000].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" style={{ alignSelf: 'flex-end' }}>
              {t('filesApply')}
            </button>
          </form>
          <div class="row small" style={{ margin: '8px 0' }}>
            <label class="row" style={{ margin: 0, fontWeight: 400 }}>
              <input type="checkbox" checked={allShownSelected} disabled={shown.length === 0} onChange={() => setSelected(allShownSelected ? new Set() : new Set(shown.map((f) => f.fileCode)))} />
              {t('filesSelectAll')}
            </label>
            <span class="grow muted" aria-live="polite">
              {loading
                ? t('filesLoading')
                : total !== undefined
                  ? t('filesShownTotal', [String(shown.length), String(files.length), String(total)])
                  : t('filesShown', [String(shown.length), String(files.length)])}
            </span>
            <button type="button" disabled={loading || page <= 1} onClick={() => void load(page - 1)}>
              {t('filesPrev')}
            </button>
            <span>
              {pages ? t('filesPageOf', [String(page), String(pages)]) : t('filesPage', String(page))}
            </span>
            <button type="button" disabled={loading || (pages !== undefined && page >= pages) || files.length < perPage} onClick={() => void load(page + 1)}>
              {t('filesNext')}
            </button>
            <button type="button" disabled={loading || !pages || pages <= 1} onClick={() => void load(1, true)}>
              {t('filesLoadAll')}
            </button>
            <button type="button" disabled={loading} onClick={() => void load(page)}>
              {t('filesRefresh')}
            </button>
          </div>
          {caps && selectedFiles.length > 0 ? (
            <BatchBar
              accountId={accountId}
              caps={caps}
              selected={selectedFiles}
              folders={folders}
              onChanged={() => load(page)}
              onClear={() => setSelected(new Set())}
              onCheck={checkSelected}
              notify={toast.show}
            />
          ) : null}
          {listReason && caps ? <p class="empty">{listReason}</p> : null}
          {!listReason && !loading && shown.length === 0 ? (
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
                <FileRow file={f} selected={selected.has(f.fileCode)} health={health.get(f.fileCode)} folders={folders} onToggle={toggle} onOpen={setOpenCode} />
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
              onChanged={() => load(page)}
              onClose={() => setOpenCode(undefined)}
              notify={toast.show}
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}
