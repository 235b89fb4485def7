import type { UploadHostInfo } from '../../../lib/protocol/uploads';
import { formatBytes } from '../../format';
import { t } from '../../../lib/i18n';
import { snapshotProblem, type PendingFields, type PendingFile } from './pending';

// One picked file and its fields, before it is queued.

interface Props {
  item: PendingFile;
  host: UploadHostInfo | undefined;
  onChange(next: PendingFile): void;
  onRemove(): void;
}

export function PendingFileCard({ item, host, onChange, onRemove }: Props) {
  const id = (name: string) => `pending-${item.key}-${name}`;
  const set = (patch: Partial<PendingFields>) => onChange({ ...item, fields: { ...item.fields, ...patch } });
  const text = (name: keyof PendingFields, label: string, placeholder?: string) => (
    <div class="grow" style={{ minWidth: '160px' }}>
      <label for={id(name)}>{label}</label>
      <input
        id={id(name)}
        type="text"
        value={item.fields[name] as string}
        placeholder={placeholder}
        onInput={(e) => set({ [name]: (e.target as HTMLInputElement).value })}
      />
    </div>
  );
  return (
    <li data-file-name={item.file.name} class="panel" style={{ marginBottom: '8px' }}>
      <div class="row">
        <strong class="grow ellipsis" title={item.file.name}>
          {item.file.name}
        </strong>
        <span class="muted small">{formatBytes(item.file.size)}</span>
        <button type="button" onClick={onRemove} aria-label={t('upRemoveFromList', item.file.name)}>
          {t('upRemove')}
        </button>
      </div>
      <div class="row">
        {text('title', t('upTitle'), item.file.name.replace(/\.[^.]+$/, ''))}
        {text('tags', t('upTags'), t('upTagsHint'))}
      </div>
      <label for={id('description')}>{t('upDescription')}</label>
      <textarea id={id('description')} rows={2} value={item.fields.description} onInput={(e) => set({ description: (e.target as HTMLTextAreaElement).value })} />
      <div class="row">
        {text('folderId', t('upFolder'), t('upFolderHint'))}
        {text('categoryId', t('upCategory'), t('upCategoryHint'))}
      </div>
      <div class="row" style={{ marginTop: '6px' }}>
        <label for={id('public')} class="row" style={{ fontWeight: 'normal', margin: 0 }}>
          <input id={id('public')} type="checkbox" checked={item.fields.public} onChange={(e) => set({ public: (e.target as HTMLInputElement).checked })} />
          {t('upPublic')}
        </label>
        <label for={id('adult')} class="row" style={{ fontWeight: 'normal', margin: 0 }} title={host?.adultFlag === false ? t('upNoAdultFlag', host.label) : undefined}>
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
    </li>
  );
}
