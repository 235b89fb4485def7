// Progress reports of one transfer, thinned to one per gap: each report is a
// job write in the background, a badge update and a page refresh.

/** A transfer's progress: `force` sends at once (the end of a phase). */
export type ReportProgress = (sent: number, total: number, force?: boolean) => void;

export function progressReporter(send: (sent: number, total: number) => void, everyMs: number, now: () => number): ReportProgress {
  let last = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const go = (sent: number, total: number) => {
    last = now();
    send(sent, total);
  };
  return (sent, total, force = false) => {
    clearTimeout(trailing);
    trailing = undefined;
    if (force || now() - last >= everyMs) go(sent, total);
    // A held-back report goes once the gap is over: a transfer that pauses (a stream waiting on a slow segment) shows where it is.
    else trailing = setTimeout(() => go(sent, total), everyMs);
  };
}
