import { useEffect, useState } from 'preact/hooks';
import { send } from '../../../lib/messaging';

// Where the Files go: Chrome's offscreen document, or Firefox's event page
// (lib/upload/background/in-background.ts). Either way the upload outlives
// this tab; asking early wakes the uploader before the user picks files.

export function usePageUploader(): 'offscreen' | 'background' | undefined {
  const [mode, setMode] = useState<'offscreen' | 'background'>();
  useEffect(() => {
    let live = true;
    send('uploads.prepare', {})
      .then(({ mode: next }) => {
        if (live) setMode(next);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return mode;
}
