import type { Folder } from '../../../lib/hosts/types';
import { t } from '../../../lib/i18n';

interface Props {
  id: string;
  /** Read by screen readers; the first option shows it too. */
  label: string;
  folders: Folder[];
  value: string;
  disabled?: boolean;
  onChange(folderId: string): void;
}

/** A move target: the top level or one of the account's folders. */
export function FolderSelect({ id, label, folders, value, disabled, onChange }: Props) {
  return (
    <>
      <label for={id} class="sr-only">
        {label}
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{label}…</option>
        <option value="0">{t('filesTopLevel')}</option>
        {folders.map((f) => (
          <option key={f.folderId} value={f.folderId}>
            {f.name}
          </option>
        ))}
      </select>
    </>
  );
}
