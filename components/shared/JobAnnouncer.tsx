import { useEffect, useRef, useState } from 'preact/hooks';
import type { Job } from '../../lib/queue/model/job';
import { announce, type AnnounceMemory } from './jobAnnouncements';

// The page's polite live region for the queue (what it says: jobAnnouncements.ts).
// Out of sight; a screen reader reads each new text once, after what it is saying.

export function JobAnnouncer({ jobs }: { jobs: readonly Job[] | undefined }) {
  const memory = useRef<AnnounceMemory>();
  const [text, setText] = useState('');
  useEffect(() => {
    if (!jobs) return;
    const next = announce(memory.current, jobs, Date.now());
    memory.current = next.memory;
    if (next.said.length > 0) setText(next.said.join('. '));
  }, [jobs]);
  return (
    <div class="sr-only" aria-live="polite" data-testid="job-announcer">
      {text}
    </div>
  );
}
