import type { Job, JobKind } from '../model/job';
import { fileDriver } from './file';
import { relayDriver } from './relay';
import { remoteDriver } from './remote';
import type { JobDriver } from './types';

export type { JobDriver } from './types';
export { interruptedRelayMessage } from './relay';

// The driver of each kind of job, looked up by kind. The table's type
// makes it total: a kind added to the job schema without a driver here does
// not compile. A mirror is a group of jobs of these kinds, not a kind, so it
// needs no driver.

type DriverTable = { [K in JobKind]: JobDriver<Extract<Job, { kind: K }>> };

const drivers: DriverTable = {
  remote: remoteDriver,
  file: fileDriver,
  relay: relayDriver,
};

/** The driver for this job's kind. */
export function driverFor(job: Job): JobDriver {
  // Sound by the table's type: the driver at `job.kind` takes jobs of that kind.
  return drivers[job.kind] as JobDriver;
}
