import { z } from '../zod';
import { errorCodes } from '../errors';
import type { Ack, NeededReply, TargetReply } from './uploader';

// What the uploader document reports to the background. Background requests
// like any other, but only the uploader document may send them (senders.ts).
// The reply to 'uploaderReport.target' holds the key: it goes to the asking
// uploader alone, and only while that job is being sent.

const jobId = z.string().min(1).max(200);

export const uploaderReportRequests = {
  'uploaderReport.target': z.object({ jobId }),
  'uploaderReport.progress': z.object({
    jobId,
    sent: z.number().nonnegative(),
    total: z.number().nonnegative(),
    phase: z.enum(['download', 'upload']).optional(),
  }),
  /** The upload POST answered; the background reads the reply. */
  'uploaderReport.done': z.object({ jobId, status: z.number().int().min(0).max(999), body: z.string().max(1_000_000) }),
  'uploaderReport.error': z.object({
    jobId,
    error: z.object({ code: z.enum(errorCodes), message: z.string().max(2000), status: z.number().int().optional() }),
    bodySent: z.boolean(),
  }),
  /** Of these held Files, which does the queue still need? */
  'uploaderReport.needed': z.object({ jobIds: z.array(jobId).max(1000) }),
  /** The uploader holds nothing and sends nothing: the background may close it. */
  'uploaderReport.idle': z.object({}),
  /** A stream relay's playlist names these origins (segments, keys): which may VidRelay not download from? */
  'uploaderReport.origins': z.object({ jobId, origins: z.array(z.string().max(300)).max(50) }),
} as const;

export interface UploaderReportResponses {
  'uploaderReport.target': TargetReply;
  'uploaderReport.progress': Ack;
  'uploaderReport.done': Ack;
  'uploaderReport.error': Ack;
  'uploaderReport.needed': NeededReply;
  'uploaderReport.idle': Ack;
  'uploaderReport.origins': { missing: string[] };
}
