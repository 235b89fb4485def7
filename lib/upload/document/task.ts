// One running transfer as the uploader tracks it, and the watchdogs' pace.

export interface Task {
  cancelled: boolean;
  /** Every byte of the upload POST is sent: what is left is the host's reply. */
  bodySent: boolean;
  abort(): void;
}

/** How often a transfer's watchdog looks: often enough to catch a stall of `stallMs` early, never busily. */
export function watchEveryMs(stallMs: number): number {
  return Math.max(50, Math.min(stallMs / 4, 5000));
}
