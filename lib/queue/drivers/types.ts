import type { HostClient } from '../../hosts/types';
import type { Job } from '../model/job';
import type { QueueCore } from '../runner/core';

// One driver per job kind: how a job of that kind is sent, what a restart
// that cut it off does to it, how a send under way is stopped, and whether
// its last send may have reached the host. Adding a kind means adding one
// (and its member of the job schema, lib/queue/model/job.ts).

export interface SendContext {
  /** Remote kinds: the host client, looked up while the job was written as sending. */
  client?: Promise<HostClient>;
  /** The request is over (answered or failed): its slot may go to the next job. */
  answered(): void;
}

export interface JobDriver<J extends Job = Job> {
  /** Whether jobs of this kind can start at all now (the uploader may be missing). */
  canStart(core: QueueCore): boolean;
  /** Look the host client up while the job is being written as sending. */
  wantsClient: boolean;
  send(job: J, core: QueueCore, context: SendContext): Promise<void>;
  /** A restart cut this job off mid-send (it is 'sending' or 'uploading', as it is now). */
  recover(job: J, core: QueueCore): Promise<void>;
  /** Stop this job's request if one is under way (cancel, remove). */
  cancel(job: J, core: QueueCore): void;
  /** The last send may have reached the host, so look there before sending again. */
  mayHaveLanded(job: J): boolean;
}
