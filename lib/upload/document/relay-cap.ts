import { hostOf, UploadFailure } from './upload-failure';

// What a plain relay (one file from one URL) may download.

/**
 * What a relay's source may send: the size the user confirmed plus a small
 * margin (sizes from a HEAD can be a little off), or where no size was known,
 * a hard cap no single video reaches. A source past it is stopped.
 */
export const relayLimits = { marginBytes: 1024 * 1024, marginShare: 0.01, unknownSizeCapBytes: 20 * 1024 ** 3 } as const;

export function relayCapOf(confirmedBytes: number | undefined): number {
  if (!confirmedBytes) return relayLimits.unknownSizeCapBytes;
  return confirmedBytes + Math.max(relayLimits.marginBytes, Math.ceil(confirmedBytes * relayLimits.marginShare));
}

export function tooLarge(url: string, bytes: number, confirmed: number | undefined): UploadFailure {
  return new UploadFailure(
    'upload_rejected',
    confirmed
      ? `${hostOf(url)} sent more than the ${confirmed} bytes you confirmed (${bytes} so far); VidRelay stopped the relay. Check the link and send it again.`
      : `${hostOf(url)} sent more than ${Math.round(relayLimits.unknownSizeCapBytes / 1024 ** 3)} GB without saying its size; VidRelay stopped the relay.`,
  );
}
