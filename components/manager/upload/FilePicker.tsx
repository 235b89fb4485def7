import { useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';

// Drop zone plus a plain file input: either way ends in onFiles.

export function FilePicker({ onFiles, disabled }: { onFiles(files: File[]): void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div
      class="panel"
      data-dropzone
      style={{ borderStyle: 'dashed', textAlign: 'center', padding: '24px', outline: over ? '2px solid var(--accent)' : undefined }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) onFiles([...(e.dataTransfer?.files ?? [])]);
      }}
    >
      <p style={{ margin: '0 0 8px' }}>{t('upDropHere')}</p>
      <label for="upload-files" style={{ display: 'inline' }}>
        {t('upChooseFiles')}
      </label>{' '}
      <input
        id="upload-files"
        ref={input}
        type="file"
        multiple
        accept="video/*,.mkv,.flv,.ts"
        disabled={disabled}
        onChange={(e) => {
          const el = e.target as HTMLInputElement;
          onFiles([...(el.files ?? [])]);
          el.value = '';
        }}
      />
    </div>
  );
}
