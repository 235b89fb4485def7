import type { RelayJob } from '../model/job';
import { uploadDriver } from './upload';

// A URL the extension downloads and uploads as a file (hosts without remote
// upload). Cut by a restart, it needs no file from the user: a retry
// fetches the source again.

export const interruptedRelayMessage = 'Interrupted by a browser restart: retry to send it again.';

export const relayDriver = uploadDriver<RelayJob>({ type: 'interrupt', message: interruptedRelayMessage });
