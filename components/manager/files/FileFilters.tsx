import { t, type MessageKey } from '../../../lib/i18n';

// The file list's filters: text and status are matched in the page over what is loaded,
// the host's own filters (public, adult, created since, page size) go with the next request.

const fileStatuses = ['ready', 'encoding', 'queued', 'failed', 'missing'] as const;
const statusKey: Record<(typeof fileStatuses)[number], MessageKey> = {
  ready: 'filesStatusReady',
  encoding: 'filesStatusEncoding',
  queued: 'filesStatusQueued',
  failed: 'filesStatusFailed',
  missing: 'filesStatusMissing',
};

export type YesNo = '' | 'yes' | 'no';

export interface FileFilterValues {
  text: string;
  status: string;
  public: YesNo;
  adult: YesNo;
  since: string;
  perPage: number;
}

export const noFilters: FileFilterValues = { text: '', status: '', public: '', adult: '', since: '', perPage: 100 };

export const flag = (v: YesNo) => (v === '' ? undefined : v === 'yes');

const valueFrom = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

interface Props {
  values: FileFilterValues;
  adultFlag: boolean;
  onChange(values: FileFilterValues): void;
  onApply(): void;
}

export function FileFilters({ values, adultFlag, onChange, onApply }: Props) {
  const set = (changes: Partial<FileFilterValues>) => onChange({ ...values, ...changes });
  return (
    <form
      class="row"
      aria-label={t('filesFilters')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
    >
      <div class="grow">
        <label for="files-search">{t('filesSearch')}</label>
        <input id="files-search" type="search" value={values.text} placeholder={t('filesSearchHint')} onInput={(e) => set({ text: valueFrom(e) })} />
      </div>
      <div>
        <label for="files-status">{t('filesStatus')}</label>
        <select id="files-status" value={values.status} onChange={(e) => set({ status: valueFrom(e) })}>
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
        <select id="files-public" value={values.public} onChange={(e) => set({ public: valueFrom(e) as YesNo })}>
          <option value="">{t('filesAny')}</option>
          <option value="yes">{t('filesPublic')}</option>
          <option value="no">{t('filesPrivate')}</option>
        </select>
      </div>
      {adultFlag ? (
        <div>
          <label for="files-adult">{t('filesAdult')}</label>
          <select id="files-adult" value={values.adult} onChange={(e) => set({ adult: valueFrom(e) as YesNo })}>
            <option value="">{t('filesAny')}</option>
            <option value="yes">{t('filesAdult')}</option>
            <option value="no">{t('filesNotAdult')}</option>
          </select>
        </div>
      ) : null}
      <div>
        <label for="files-since">{t('filesSince')}</label>
        <input id="files-since" type="date" value={values.since} onInput={(e) => set({ since: valueFrom(e) })} />
      </div>
      <div>
        <label for="files-per-page">{t('filesPerPage')}</label>
        <select id="files-per-page" value={String(values.perPage)} onChange={(e) => set({ perPage: Number(valueFrom(e)) })}>
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
  );
}
