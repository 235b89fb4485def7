import type { Account } from '../../lib/accounts';
import { FolderPicker } from '../shared/FolderPicker';
import { useRemote } from '../hooks/useRemote';
import { linkFormats } from '../../lib/links/formats';
import { t } from '../../lib/i18n';

type Defaults = Account['defaults'];

interface Props {
  /** The saved account, whose folders are listed; undefined while adding one. */
  accountId?: string;
  value: Defaults;
  onChange(next: Defaults): void;
}

/** What each upload to this account starts with; empty fields leave the host's own default. */
export function AccountDefaultsFields({ accountId, value, onChange }: Props) {
  const caps = useRemote('account.capabilities', { accountId: accountId ?? '' }, undefined, !accountId);
  const text = (field: 'categoryId' | 'tags') => (e: Event) => {
    const next = (e.target as HTMLInputElement).value;
    onChange({ ...value, [field]: next.trim() ? next : undefined });
  };
  const flag = (field: 'public' | 'adult') => (e: Event) => onChange({ ...value, [field]: (e.target as HTMLInputElement).checked });
  return (
    <fieldset class="defaults">
      <legend>{t('optDefaultsLegend')}</legend>
      <p class="muted small">{t('optDefaultsHelp')}</p>
      <div class="grid2">
        <div>
          <FolderPicker
            id="default-folder"
            label={t('optFolder')}
            accountId={accountId}
            canList={caps.data ? caps.data.capabilities.includes('listFolder') : accountId ? undefined : false}
            hostLabel={caps.data?.hostLabel}
            value={value.folderId ?? ''}
            onChange={(folderId) => onChange({ ...value, folderId: folderId?.trim() ? folderId : undefined })}
          />
        </div>
        <div>
          <label for="default-category">{t('optCategory')}</label>
          <input id="default-category" type="text" value={value.categoryId ?? ''} placeholder={t('optCategoryPlaceholder')} onInput={text('categoryId')} />
          <div class="small muted">{t('upCategoryById')}</div>
        </div>
      </div>
      <label for="default-tags">{t('optTags')}</label>
      <input id="default-tags" type="text" value={value.tags ?? ''} placeholder={t('optTagsPlaceholder')} onInput={text('tags')} />
      <div class="row" style={{ marginTop: '8px' }}>
        <label class="check" for="default-public">
          <input id="default-public" type="checkbox" checked={value.public ?? false} onChange={flag('public')} /> {t('optPublic')}
        </label>
        <label class="check" for="default-adult">
          <input id="default-adult" type="checkbox" checked={value.adult ?? false} onChange={flag('adult')} /> {t('optAdult')}
        </label>
      </div>
      <label for="default-link-format">{t('optLinkFormat')}</label>
      <select
        id="default-link-format"
        value={value.linkFormat ?? ''}
        onChange={(e) => {
          const next = (e.target as HTMLSelectElement).value;
          onChange({ ...value, linkFormat: next || undefined });
        }}
      >
        <option value="">{t('optLinkFormatGeneral')}</option>
        {linkFormats.map((f) => (
          <option value={f.id} key={f.id}>
            {f.label}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
