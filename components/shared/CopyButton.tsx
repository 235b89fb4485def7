import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

export function CopyButton({ text, label = t('commonCopyLink'), disabled }: { text: string | undefined; label?: string; disabled?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async () => {
    if (!text) return;
    try {
      await copyText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" onClick={onClick} disabled={disabled || !text} aria-label={label} title={text}>
      {state === 'copied' ? t('commonCopied') : state === 'failed' ? t('commonCopyFailed') : label}
    </button>
  );
}
