import { relayLimits } from './relay-cap';
import { hostOf, UploadFailure } from './upload-failure';

// What a stream relay may spool. Its size is an estimate (BANDWIDTH × the
// durations), not a length the server stated: BANDWIDTH is a peak or an
// average, TS packets add their own overhead, and players' playlists round
// durations. So the cap is loose around the estimate (twice it, and never
// under estimate + 100 MB, for short streams) and a runaway source (segments
// that never end, or a playlist far longer than it said) is still stopped;
// with no estimate, or above it, the absolute 20 GB of every relay applies.

const streamLimits = { factor: 2, marginBytes: 100 * 1024 * 1024 } as const;

export function streamCapOf(estimate: number | undefined): number {
  if (!estimate) return relayLimits.unknownSizeCapBytes;
  return Math.min(relayLimits.unknownSizeCapBytes, Math.max(estimate * streamLimits.factor, estimate + streamLimits.marginBytes));
}

export function streamTooLarge(url: string, bytes: number, estimate: number | undefined): UploadFailure {
  return new UploadFailure(
    'upload_rejected',
    `The stream from ${hostOf(url)} came to more than VidRelay allows for it (${bytes} bytes so far${estimate ? `, about ${estimate} estimated` : ''}); VidRelay stopped the relay.`,
  );
}
