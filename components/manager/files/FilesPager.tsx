import { t } from '../../../lib/i18n';
import { localNumber } from '../../../lib/format/local';

// Select-all over the shown files, the count, and the page controls of the host's list.

interface Props {
  shown: number;
  loaded: number;
  total?: number;
  page: number;
  pages?: number;
  perPage: number;
  loading: boolean;
  allSelected: boolean;
  onSelectAll(): void;
  onPage(page: number): void;
  onLoadAll(): void;
  onRefresh(): void;
}

export function FilesPager(p: Props) {
  return (
    <div class="row small" style={{ margin: '8px 0' }}>
      <label class="row" style={{ margin: 0, fontWeight: 400 }}>
        <input type="checkbox" checked={p.allSelected} disabled={p.shown === 0} onChange={p.onSelectAll} />
        {t('filesSelectAll')}
      </label>
      <span class="grow muted" aria-live="polite">
        {p.loading
          ? t('filesLoading')
          : p.total !== undefined
            ? t('filesShownTotal', [localNumber(p.shown), localNumber(p.loaded), localNumber(p.total)])
            : t('filesShown', [localNumber(p.shown), localNumber(p.loaded)])}
      </span>
      <button type="button" disabled={p.loading || p.page <= 1} onClick={() => p.onPage(p.page - 1)}>
        {t('filesPrev')}
      </button>
      <span>{p.pages ? t('filesPageOf', [localNumber(p.page), localNumber(p.pages)]) : t('filesPage', localNumber(p.page))}</span>
      <button type="button" disabled={p.loading || (p.pages !== undefined && p.page >= p.pages) || p.loaded < p.perPage} onClick={() => p.onPage(p.page + 1)}>
        {t('filesNext')}
      </button>
      <button type="button" disabled={p.loading || !p.pages || p.pages <= 1} onClick={p.onLoadAll}>
        {t('filesLoadAll')}
      </button>
      <button type="button" disabled={p.loading} onClick={p.onRefresh}>
        {t('filesRefresh')}
      </button>
    </div>
  );
}
