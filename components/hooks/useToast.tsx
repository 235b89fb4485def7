import { useEffect, useRef, useState } from 'preact/hooks';

// One short confirmation at a time; screen readers hear it through role=status.

export interface Toast {
  show(text: string, kind?: 'ok' | 'error'): void;
  node: preact.JSX.Element;
}

export function useToast(ms = 2500): Toast {
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = (text: string, kind: 'ok' | 'error' = 'ok') => {
    clearTimeout(timer.current);
    setMessage({ text, kind });
    timer.current = setTimeout(() => setMessage(undefined), ms);
  };
  const node = (
    <div
      role="status"
      aria-live="polite"
      class={message ? 'toast' : ''}
      data-kind={message?.kind}
      style={message?.kind === 'error' ? { background: 'var(--bad)' } : undefined}
    >
      {message?.text ?? ''}
    </div>
  );
  return { show, node };
}
