import type { HostClient } from '../../hosts/types';
import type { Job, UploadJob } from '../model/job';
import type { JobEvent } from '../model/machine';
import type { JobStore } from '../store/types';
import type { LandedCheck } from './landed';

// One driver per job kind: how a job of that kind is sent, what a restart
// that cut it off does to it, how a send under way is stopped, and whether
// its last send may have reached the host. Adding a kind means adding one
// (and its member of the job schema, lib/queue/model/job.ts). Drivers work
// through a port, not the runner itself: the runner is built on them, so
// they must not import it back.

/** What drivers read of the runner's deps (QueueRunnerDeps, lib/queue/runner/api.ts, says what each is). */
interface DriverDeps {
  now(): number;
  clientFor(accountId: string): Promise<HostClient>;
  sendWindowMs?: number;
  uploadFile?(job: UploadJob): Promise<undefined | 'no-file'>;
  uploadAlive?(job: UploadJob): Promise<boolean | 'held'>;
  cancelUpload?(job: UploadJob): void;
}

/** What a driver may do to the queue; the runner's core (lib/queue/runner/core.ts) has this shape. */
export interface QueuePort {
  deps: DriverDeps;
  store: Pick<JobStore, 'get' | 'update' | 'codesTaken'>;
  /** Move a job through the machine (lib/queue/model/machine.ts), telling the user when it ends. */
  move(id: string, event: JobEvent): Promise<Job>;
  /** Set the poll alarm afresh for the queue as it is now. */
  reschedule(): Promise<void>;
  /** The host named the file this job made. */
  accepted(id: string, client: HostClient, fileCode: string, note?: string): Promise<void>;
  /** The host took the URL without naming the file: wait for it in the host's lists. */
  pendingAtHost(id: string): Promise<void>;
  /** The send failed: back to the queue with backoff, or failed. */
  handleSendError(id: string, error: unknown): Promise<void>;
  /** Look on the host for this job's earlier send: found, not there, or cannot tell. */
  lookOnHost(job: Job, client: HostClient): Promise<LandedCheck>;
  /** Before a second send of something that may have landed: true when the job is settled without sending. */
  settledByHost(job: Job, client: HostClient): Promise<boolean>;
}

interface SendContext {
  /** Remote kinds: the host client, looked up while the job was written as sending. */
  client?: Promise<HostClient>;
  /** The request is over (answered or failed): its slot may go to the next job. */
  answered(): void;
}

export interface JobDriver<J extends Job = Job> {
  /** Whether jobs of this kind can start at all now (the uploader may be missing). */
  canStart(queue: QueuePort): boolean;
  /** Look the host client up while the job is being written as sending. */
  wantsClient: boolean;
  send(job: J, queue: QueuePort, context: SendContext): Promise<void>;
  /** A restart cut this job off mid-send (it is 'sending' or 'uploading', as it is now). */
  recover(job: J, queue: QueuePort): Promise<void>;
  /** Stop this job's request if one is under way (cancel, remove). */
  cancel(job: J, queue: QueuePort): void;
  /** The last send may have reached the host, so look there before sending again. */
  mayHaveLanded(job: J): boolean;
}
