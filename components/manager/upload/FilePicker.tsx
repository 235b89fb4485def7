import { useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/i18n';

// Drop zone plus a plain file input: either way ends in onFiles.

/** `compact`: files are listed already, so the zone shrinks to one line. */
export function FilePicker({ onFiles, disabled, compact }: { onFiles(files: File[]): void; disabled?: boolean; compact?: boolean }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The drop zone is for the mouse; the file input inside it does the same from the keyboard.
  // As a named group, a screen reader says what the zone is for before the input.
  return (
    <fieldset
      aria-labelledby="upload-drop-hint"
      class={`panel${compact ? ' compact' : ''}`}
      data-dropzone
      style={{ borderStyle: 'dashed', textAlign: 'center', padding: compact ? undefined : '24px', outline: over ? '2px solid var(--accent)' : undefined }}
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
      <p id="upload-drop-hint" style={compact ? undefined : { margin: '0 0 8px' }}>
        {t('upDropHere')}
      </p>
      <label for="upload-files" style={{ display: 'inline', margin: compact ? 0 : undefined }}>
        {t('upChooseFiles')}
      </label>{' '}
      <input
        id="upload-files"
        ref={input}
        type="file"
        multiple
        accept="video/*,.mkv,.flv,.ts"
        disabled={disabled}
        // Space opens the chooser in every browser; Enter, as on any button, only in some: make it open it everywhere.
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          input.current?.click();
        }}
        onChange={(e) => {
          const el = e.target as HTMLInputElement;
          onFiles([...(el.files ?? [])]);
          el.value = '';
        }}
      />
    </fieldset>
  );
}
