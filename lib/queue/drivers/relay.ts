import type { RelayJob } from '../model/job';
import { uploadDriver } from './upload';

// A URL the extension downloads and uploads as a file (hosts without remote
// upload). Cut by a restart, it needs no file from the user: a retry
// fetches the source again. A stream relay (`stream: 'hls'`) keeps the
// segments it spooled, so it is queued again at once and goes on from the
// next segment (an upload cut mid-body is looked for on the host first, as
// for every upload).

export const interruptedRelayMessage = 'Interrupted by a browser restart: retry to send it again.';

export const relayDriver = uploadDriver<RelayJob>((job, now) =>
  job.kind === 'relay' && job.stream === 'hls' ? { type: 'defer', at: now } : { type: 'interrupt', message: interruptedRelayMessage },
);
