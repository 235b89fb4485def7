import type { JobKind } from '../job';
import { remoteDriver } from './remote';
import { uploadDriver } from './upload';
import type { JobDriver } from './types';

export type { JobDriver, SendContext } from './types';
export { interruptedRelayMessage } from './upload';

// The driver of each kind of job. A mirror is a group of other jobs and is
// never sent itself, so it has none.

const drivers: Partial<Record<JobKind, JobDriver>> = {
  remote: remoteDriver,
  file: uploadDriver,
  relay: uploadDriver,
};

export function driverFor(kind: JobKind): JobDriver | undefined {
  return drivers[kind];
}
