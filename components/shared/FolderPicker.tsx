import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorFrom } from '../../lib/messaging';
import { t } from '../../lib/i18n';
import { folderPaths, type FolderPath } from './folderPaths';

// The folder an upload goes to, chosen by name from the account's folders;
// a typed id where the host cannot list folders (or the account is not saved).

/** The select's value for "leave each file's folder as it is" (batch bar only). */
const AS_IS = '\u0000as-is';

interface Props {
  id: string;
  label: string;
  /** The account whose folders are listed; undefined: not saved yet, so only a typed id. */
  accountId: string | undefined;
  /** false: the host lists no folders. */
  canList: boolean | undefined;
  hostLabel?: string;
  /** '' is the top level. undefined only with `asIs`. */
  value: string | undefined;
  onChange(folderId: string | undefined): void;
  /** Offer "As is" (value undefined) first. */
  asIs?: boolean;
}

export function FolderPicker({ id, label, accountId, canList, hostLabel, value, onChange, asIs }: Props) {
  const [folders, setFolders] = useState<FolderPath[]>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const listing = Boolean(accountId) && canList !== false;

  const load = useCallback(
    async (refresh: boolean) => {
      if (!accountId || !listing) return;
      setLoading(true);
      setError(undefined);
      try {
        setFolders(await folderPaths(accountId, refresh));
      } catch (e) {
        setError(errorFrom(e).message);
      } finally {
        setLoading(false);
      }
    },
    [accountId, listing],
  );

  // Another account (or listing turned on or off): its folders replace the last one's.
  useEffect(() => {
    setFolders(undefined);
    setError(undefined);
    void load(false);
  }, [load]);

  if (!listing || error) {
    const why = !accountId ? t('upFolderSaveFirst') : canList === false ? t('upFolderNoListing', hostLabel ?? '') : error;
    return (
      <>
        <label for={id}>{label}</label>
        <input
          id={id}
          type="text"
          value={value ?? ''}
          placeholder={asIs ? t('upBatchAsIs') : t('upFolderHint')}
          onInput={(e) => {
            const next = (e.target as HTMLInputElement).value;
            onChange(asIs && !next.trim() ? undefined : next.trim());
          }}
        />
        <div class={`small ${error ? 'error' : 'muted'}`} data-field="folder-note">
          {why}
          {error ? (
            <button type="button" class="compact" style={{ marginInlineStart: '6px' }} onClick={() => void load(true)}>
              {t('upFolderRefresh')}
            </button>
          ) : null}
        </div>
      </>
    );
  }

  const known = !value || folders?.some((f) => f.folderId === value);
  return (
    <>
      <label for={id}>{label}</label>
      <div class="row" style={{ flexWrap: 'nowrap', gap: '4px' }}>
        <select
          id={id}
          class="grow"
          value={value === undefined ? AS_IS : value}
          disabled={loading && !folders}
          onChange={(e) => {
            const next = (e.target as HTMLSelectElement).value;
            onChange(next === AS_IS ? undefined : next);
          }}
        >
          {asIs ? <option value={AS_IS}>{t('upBatchAsIs')}</option> : null}
          <option value="">{t('filesTopLevel')}</option>
          {/* A stored id the host no longer lists stays chosen and visible rather than silently reset. */}
          {!known && value ? <option value={value}>{t('upFolderUnknown', value)}</option> : null}
          {(folders ?? []).map((f) => (
            <option key={f.folderId} value={f.folderId}>
              {f.path}
            </option>
          ))}
        </select>
        <button type="button" class="compact" onClick={() => void load(true)} disabled={loading} title={t('upFolderRefreshHint')}>
          {loading ? t('upFolderLoading') : t('upFolderRefresh')}
        </button>
      </div>
    </>
  );
}
