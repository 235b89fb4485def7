import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging';

// Where the Files go: Chrome's offscreen document, or (Firefox, no offscreen
// API) an uploader running in this very tab, started here once.

let started: Promise<unknown> | undefined;

export function usePageUploader(): 'offscreen' | 'page' | undefined {
  const [mode, setMode] = useState<'offscreen' | 'page'>();
  useEffect(() => {
    let live = true;
    send('uploads.prepare', {})
      .then(async ({ mode: next }) => {
        if (next === 'page') started ??= import('../../../lib/upload/document/uploader-document').then((m) => m.startUploaderDocument({ reportIdle: false }));
        await started;
        if (live) setMode(next);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return mode;
}
