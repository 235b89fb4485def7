import type { Job } from '../../../../lib/queue/model/job';
import { createQueueRunner, type QueueRunnerDeps } from '../../../../lib/queue/runner';
import { createJobStore } from '../../../../lib/queue/store';
import { fakeHost } from '../fakes';

// The runner the file-upload tests share: one fake host that takes uploads
// and answers fileInfo and listFiles, an uploader that only records what it
// was handed (`started`), and `extra` for what a test wants otherwise.

export function fileRunner(extra: Partial<QueueRunnerDeps> = {}) {
  const host = fakeHost('one', ['upload', 'fileInfo', 'listFiles']);
  const started: Job[] = [];
  const store = createJobStore();
  const deps: QueueRunnerDeps = {
    store,
    clientFor: async () => host.client,
    hostIdOf: async () => 'media.cm',
    now: () => Date.now(),
    schedulePoll: () => undefined,
    notify: () => undefined,
    uploadFile: async (j) => void started.push(j),
    minPollMs: 1000,
    random: () => 1,
    ...extra,
  };
  return { host, started, store, deps, runner: createQueueRunner(deps) };
}
