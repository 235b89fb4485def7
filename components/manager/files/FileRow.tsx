import type { Folder } from '../../../lib/hosts/types';
import type { ListedFile } from '../../../lib/protocol/files';
import type { HealthStatus } from '../../../lib/links/health';
import { formatDuration } from '../../format/values';
import { t, tn, type MessageKey } from '../../../lib/i18n';
import { formatDate } from '../../format/dates';

// One row of the virtualized list: fixed height, so nothing here may wrap.

interface Props {
  file: ListedFile;
  selected: boolean;
  health?: HealthStatus;
  folders: Folder[];
  onToggle(code: string): void;
  onOpen(code: string): void;
}

const healthText: Partial<Record<HealthStatus, MessageKey>> = { missing: 'filesMissing', dmca: 'filesDmca', deleted: 'filesDeleted' };

export function FileRow({ file, selected, health, folders, onToggle, onOpen }: Props) {
  const title = file.title || file.fileCode;
  const folder = file.folderId && file.folderId !== '0' ? folders.find((f) => f.folderId === file.folderId)?.name : undefined;
  const problemKey = health ? healthText[health] : undefined;
  const problem = problemKey ? t(problemKey) : undefined;
  return (
    <div class="frow" data-code={file.fileCode} data-status={file.status}>
      <input type="checkbox" checked={selected} aria-label={t('filesSelect', title)} onChange={() => onToggle(file.fileCode)} />
      {/* A host's thumbnail is loaded only over http(s), and without telling its server which page asked. */}
      {file.thumbnail && /^https?:\/\//i.test(file.thumbnail) ? (
        <img class="thumb" src={file.thumbnail} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" width={64} height={36} />
      ) : (
        <span class="thumb" aria-hidden="true" />
      )}
      <div class="grow" style={{ minWidth: 0 }}>
        <button type="button" class="linklike ellipsis" style={{ display: 'block' }} onClick={() => onOpen(file.fileCode)} title={title}>
          {title}
        </button>
        <div class="small muted ellipsis">
          {file.fileCode}
          {folder ? ` · ${folder}` : ''}
        </div>
      </div>
      <span class="num small" title={t('filesLength')}>
        {formatDuration(file.length)}
      </span>
      <span class="num small" title={t('filesViews')}>
        {file.views === undefined ? '—' : tn('filesViewCount', file.views)}
      </span>
      <span class="date small muted" title={t('filesUploaded')}>
        {formatDate(file.uploaded)}
      </span>
      <span class="state">
        <span class={`badge ${file.status}`} data-field="status">
          {file.status}
        </span>
        {problem ? (
          <span class={`badge ${health}`} data-field="health">
            {problem}
          </span>
        ) : null}
      </span>
    </div>
  );
}
