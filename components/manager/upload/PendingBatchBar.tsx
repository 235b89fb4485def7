import { useState } from 'preact/hooks';
import type { UploadHostInfo } from '../../../lib/accounts/upload-fit';
import { t } from '../../../lib/i18n';
import { FolderPicker } from '../../shared/FolderPicker';
import type { BatchPatch } from './pending';
import { localNumber } from '../../../lib/format/local';

// Sets title pattern, tags, folder and flags on many pending files at once.
// A field left empty (or "as is") is not touched, so per-file edits survive.

interface Props {
  host: UploadHostInfo | undefined;
  accountId: string | undefined;
  selectedCount: number;
  total: number;
  onApply(patch: BatchPatch, to: 'selected' | 'all'): void;
}

type Flag = '' | 'on' | 'off';
const toFlag = (value: Flag): boolean | undefined => (value === '' ? undefined : value === 'on');

export function PendingBatchBar({ host, accountId, selectedCount, total, onApply }: Props) {
  const [titlePattern, setTitlePattern] = useState('');
  const [tags, setTags] = useState('');
  const [folder, setFolder] = useState<string | undefined>();
  const [pub, setPub] = useState<Flag>('');
  const [adult, setAdult] = useState<Flag>('');
  const patch = (): BatchPatch => ({
    titlePattern: titlePattern.trim() || undefined,
    tags: tags.trim() ? tags.trim() : undefined,
    folderId: folder,
    public: toFlag(pub),
    adult: host?.adultFlag === false ? undefined : toFlag(adult),
  });
  const flag = (id: string, label: string, value: Flag, set: (v: Flag) => void, disabled = false) => (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => set((e.target as HTMLSelectElement).value as Flag)}>
        <option value="">{t('upBatchAsIs')}</option>
        <option value="on">{t('upBatchOn')}</option>
        <option value="off">{t('upBatchOff')}</option>
      </select>
    </div>
  );
  return (
    <section class="panel batch-bar" aria-label={t('upBatchSection')}>
      <div class="batch-fields">
        <div>
          <label for="batch-title">{t('upBatchTitle')}</label>
          <input
            id="batch-title"
            type="text"
            value={titlePattern}
            placeholder="{name}"
            onInput={(e) => setTitlePattern((e.target as HTMLInputElement).value)}
          />
        </div>
        <div>
          <label for="batch-tags">{t('upTags')}</label>
          <input id="batch-tags" type="text" value={tags} placeholder={t('upTagsHint')} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
        </div>
        <div>
          <FolderPicker
            id="batch-folder"
            label={t('upFolder')}
            accountId={accountId}
            canList={host?.folders}
            hostLabel={host?.label}
            value={folder}
            asIs
            onChange={setFolder}
          />
        </div>
        {flag('batch-public', t('upPublic'), pub, setPub)}
        {flag('batch-adult', t('upAdult'), adult, setAdult, host?.adultFlag === false)}
      </div>
      <div class="row" style={{ marginTop: '6px' }}>
        <span class="grow muted small">{t('upBatchHelp')}</span>
        <button type="button" disabled={selectedCount === 0} onClick={() => onApply(patch(), 'selected')}>
          {t('upBatchApplySelected', localNumber(selectedCount))}
        </button>
        <button type="button" disabled={total === 0} onClick={() => onApply(patch(), 'all')}>
          {t('upBatchApplyAll')}
        </button>
      </div>
    </section>
  );
}
