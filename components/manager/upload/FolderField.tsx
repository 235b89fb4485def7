import { t } from '../../../lib/i18n';

// The folder a file goes to. (A typed id; the named picker replaces it.)

interface Props {
  id: string;
  value: string;
  onChange(folderId: string): void;
  label?: string;
}

export function FolderField({ id, value, onChange, label = t('upFolder') }: Props) {
  return (
    <>
      <label for={id}>{label}</label>
      <input id={id} type="text" value={value} placeholder={t('upFolderHint')} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />
    </>
  );
}
