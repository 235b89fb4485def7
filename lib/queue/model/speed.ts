// Progress samples: upload speed and time left, without zod (the Upload tab reads them).

export interface ProgressSample {
  at: number;
  bytes: number;
}

export function rate(from: ProgressSample, to: ProgressSample): number | undefined {
  const ms = to.at - from.at;
  if (ms <= 0 || to.bytes < from.bytes) return undefined;
  return ((to.bytes - from.bytes) / ms) * 1000;
}

/** Bytes per second over the samples within `windowMs` of the newest one. */
export function measureSpeed(samples: readonly ProgressSample[], windowMs = 5000): number | undefined {
  if (samples.length < 2) return undefined;
  const newest = samples[samples.length - 1];
  const oldest = samples.find((s) => newest.at - s.at <= windowMs) ?? newest;
  return oldest === newest ? undefined : rate(oldest, newest);
}

/** Seconds left at `speed` bytes per second, or undefined when unknown. */
export function etaSeconds(bytesSent: number | undefined, bytesTotal: number | undefined, speed: number | undefined): number | undefined {
  if (bytesSent === undefined || bytesTotal === undefined || !speed || speed <= 0) return undefined;
  return Math.max(0, Math.ceil((bytesTotal - bytesSent) / speed));
}
