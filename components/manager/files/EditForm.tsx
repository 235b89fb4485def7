import { useState } from 'preact/hooks';
import type { FileChanges } from '../../../lib/hosts/types';
import type { AccountCapabilities, ListedFile } from '../../../lib/protocol/files';
import { t } from '../../../lib/i18n';
import { localNumber } from '../../../lib/format/local';

// Edits one file, or the shared fields of several. Only the fields the host's
// edit call accepts are offered.

type Tri = '' | 'yes' | 'no';

interface Props {
  caps: AccountCapabilities;
  files: ListedFile[];
  onSave(changes: FileChanges): Promise<void>;
  onCancel(): void;
}

const triValue = (v: Tri) => (v === '' ? undefined : v === 'yes');
const triOf = (v: boolean | undefined): Tri => (v === undefined ? '' : v ? 'yes' : 'no');

export function EditForm({ caps, files, onSave, onCancel }: Props) {
  const single = files.length === 1 ? files[0] : undefined;
  const can = (field: keyof FileChanges) => caps.editFields.includes(field);
  const [title, setTitle] = useState(single?.title ?? '');
  const [description, setDescription] = useState(single?.description ?? '');
  const [tags, setTags] = useState(single?.tags ?? '');
  const [pub, setPub] = useState<Tri>(single ? triOf(single.public) : '');
  const [adult, setAdult] = useState<Tri>(single ? triOf(single.adult) : '');
  const [busy, setBusy] = useState(false);

  const changes = (): FileChanges => {
    const out: FileChanges = {};
    if (single && can('title') && title.trim() && title.trim() !== (single.title ?? '')) out.title = title.trim();
    if (can('description') && description !== (single?.description ?? '')) out.description = description;
    if (can('tags') && tags !== (single?.tags ?? '')) out.tags = tags;
    if (can('public') && triValue(pub) !== undefined && triValue(pub) !== single?.public) out.public = triValue(pub);
    if (can('adult') && caps.adultFlag && triValue(adult) !== undefined && triValue(adult) !== single?.adult) out.adult = triValue(adult);
    return out;
  };

  const tri = (id: string, label: string, value: Tri, set: (v: Tri) => void) => (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set((e.target as HTMLSelectElement).value as Tri)}>
        <option value="">{t('filesKeepAsIs')}</option>
        <option value="yes">{t('filesYes')}</option>
        <option value="no">{t('filesNo')}</option>
      </select>
    </div>
  );

  return (
    <form
      class="panel"
      aria-label={single ? t('filesEditOne', single.title ?? single.fileCode) : t('filesEditMany', localNumber(files.length))}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await onSave(changes());
        } finally {
          setBusy(false);
        }
      }}
    >
      {single && can('title') ? (
        <>
          <label for="edit-title">{t('filesTitle')}</label>
          <input id="edit-title" type="text" value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </>
      ) : null}
      {can('description') ? (
        <>
          <label for="edit-description">{t('filesDescription')}</label>
          <textarea id="edit-description" rows={2} value={description} onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)} />
        </>
      ) : null}
      {can('tags') ? (
        <>
          <label for="edit-tags">{t('filesTags')}</label>
          <input id="edit-tags" type="text" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
        </>
      ) : null}
      <div class="row">
        {can('public') ? tri('edit-public', t('filesPublic'), pub, setPub) : null}
        {can('adult') && caps.adultFlag ? tri('edit-adult', t('filesAdult'), adult, setAdult) : null}
      </div>
      {caps.editFields.length < 5 ? (
        <p class="small muted">{t('filesEditOnly', [caps.hostLabel, caps.editFields.filter((f) => f !== 'folderId').join(', ') || t('filesNothing')])}</p>
      ) : null}
      <div class="row" style={{ marginTop: '8px' }}>
        <button type="submit" class="primary" disabled={busy || Object.keys(changes()).length === 0}>
          {t('filesSaveChanges')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('filesCancel')}
        </button>
      </div>
    </form>
  );
}
