import type { UploadHostInfo } from '../../../lib/accounts/upload-fit';
import { formatBytes } from '../../format/values';
import { t } from '../../../lib/i18n';
import { FolderPicker } from '../../shared/FolderPicker';
import { snapshotProblem, type PendingFields, type PendingFile } from './pending';

// One picked file as a compact row (name, size, title, status); its other
// fields fold out below it, for the files that need their own.

interface Props {
  item: PendingFile;
  host: UploadHostInfo | undefined;
  /** The account the folder is picked from (the first chosen). */
  accountId: string | undefined;
  selected: boolean;
  open: boolean;
  /** Why this file cannot go to some chosen account; empty when it can. */
  problems: string[];
  onSelect(selected: boolean): void;
  onToggle(): void;
  onChange(next: PendingFile): void;
  onRemove(): void;
}

export function PendingRow({ item, host, accountId, selected, open, problems, onSelect, onToggle, onChange, onRemove }: Props) {
  const id = (name: string) => `pending-${item.key}-${name}`;
  const set = (patch: Partial<PendingFields>) => onChange({ ...item, fields: { ...item.fields, ...patch } });
  const status = item.snapshotError ?? problems[0];
  return (
    <li data-file-name={item.file.name} class={`pending-row${open ? ' open' : ''}`}>
      <div class="pending-line">
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('upSelectFile', item.file.name)}
          onChange={(e) => onSelect((e.target as HTMLInputElement).checked)}
        />
        <span class="ellipsis" title={item.file.name} data-field="name">
          {item.file.name}
        </span>
        <span class="muted small nowrap">{formatBytes(item.file.size)}</span>
        <input
          id={id('title')}
          type="text"
          class="compact"
          aria-label={t('upTitle')}
          value={item.fields.title}
          placeholder={item.file.name.replace(/\.[^.]+$/, '')}
          onInput={(e) => set({ title: (e.target as HTMLInputElement).value })}
        />
        <span
          class={`small ellipsis ${status ? 'error' : 'muted'}`}
          data-field="status"
          title={[item.snapshotError, ...problems].filter(Boolean).join('\n') || undefined}
        >
          {status ?? t('upRowReady')}
        </span>
        <button
          type="button"
          class="compact disclosure"
          aria-expanded={open}
          aria-controls={id('details')}
          onClick={onToggle}
          aria-label={t('upDetailsFor', item.file.name)}
          title={open ? t('upDetailsHide') : t('upDetails')}
        >
          <span class="dir-icon">{open ? '▾' : '▸'}</span>
        </button>
        <button type="button" class="compact" onClick={onRemove} aria-label={t('upRemoveFromList', item.file.name)}>
          ×
        </button>
      </div>
      {open ? (
        <div id={id('details')} class="pending-details">
          <div class="row">
            <div class="grow" style={{ minWidth: '160px' }}>
              <label for={id('tags')}>{t('upTags')}</label>
              <input
                id={id('tags')}
                type="text"
                value={item.fields.tags}
                placeholder={t('upTagsHint')}
                onInput={(e) => set({ tags: (e.target as HTMLInputElement).value })}
              />
            </div>
            <div class="grow" style={{ minWidth: '160px' }}>
              <FolderPicker
                id={id('folderId')}
                label={t('upFolder')}
                accountId={accountId}
                canList={host?.folders}
                hostLabel={host?.label}
                value={item.fields.folderId}
                onChange={(folderId) => set({ folderId: folderId ?? '' })}
              />
            </div>
            <div class="grow" style={{ minWidth: '160px' }}>
              <label for={id('categoryId')}>{t('upCategory')}</label>
              <input
                id={id('categoryId')}
                type="text"
                value={item.fields.categoryId}
                placeholder={t('upCategoryHint')}
                onInput={(e) => set({ categoryId: (e.target as HTMLInputElement).value })}
              />
              <div class="small muted">{t('upCategoryById')}</div>
            </div>
          </div>
          <label for={id('description')}>{t('upDescription')}</label>
          <textarea
            id={id('description')}
            rows={2}
            value={item.fields.description}
            onInput={(e) => set({ description: (e.target as HTMLTextAreaElement).value })}
          />
          <div class="row" style={{ marginTop: '6px' }}>
            <label for={id('public')} class="row" style={{ fontWeight: 'normal', margin: 0 }}>
              <input id={id('public')} type="checkbox" checked={item.fields.public} onChange={(e) => set({ public: (e.target as HTMLInputElement).checked })} />
              {t('upPublic')}
            </label>
            <label
              for={id('adult')}
              class="row"
              style={{ fontWeight: 'normal', margin: 0 }}
              title={host?.adultFlag === false ? t('upNoAdultFlag', host.label) : undefined}
            >
              <input
                id={id('adult')}
                type="checkbox"
                checked={item.fields.adult}
                disabled={host?.adultFlag === false}
                onChange={(e) => set({ adult: (e.target as HTMLInputElement).checked })}
              />
              {t('upAdult')}
            </label>
            <div class="grow">
              <label for={id('snapshot')}>{t('upSnapshot')}</label>
              <input
                id={id('snapshot')}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                disabled={host ? !host.snapshots : false}
                onChange={(e) => {
                  const el = e.target as HTMLInputElement;
                  const snapshot = el.files?.[0];
                  if (!snapshot) return onChange({ ...item, snapshot: undefined, snapshotError: undefined });
                  const problem = snapshotProblem(snapshot, host);
                  if (problem) el.value = '';
                  onChange({ ...item, snapshot: problem ? undefined : snapshot, snapshotError: problem });
                }}
              />
              {host && !host.snapshots ? <div class="small muted">{t('upNoSnapshot', host.label)}</div> : null}
              {host?.snapshotMaxBytes ? <div class="small muted">{t('upSnapshotMax', formatBytes(host.snapshotMaxBytes))}</div> : null}
              {item.snapshotError ? (
                <div class="small error" role="alert" data-field="snapshot-error">
                  {item.snapshotError}
                </div>
              ) : null}
            </div>
          </div>
        </div>
      ) : null}
    </li>
  );
}
