import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../../lib/upload/document/progress-reporter';

describe('progressReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const sent: [number, number][] = [];
    const report = progressReporter(
      (done, total) => sent.push([done, total]),
      500,
      () => Date.now(),
    );
    return { sent, report };
  };

  it('sends the first report at once and at most one per gap after it', () => {
    const { sent, report } = setup();
    report(10, 100);
    for (let i = 2; i <= 9; i++) report(i * 10, 100);
    expect(sent).toEqual([[10, 100]]);
    // The last one held back goes when the gap is over; the next waits a whole gap after it.
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([
      [10, 100],
      [90, 100],
    ]);
    report(95, 100);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(500);
    expect(sent.at(-1)).toEqual([95, 100]);
  });

  it('sends a held-back report once the gap is over, so a pause shows where the transfer is', () => {
    const { sent, report } = setup();
    report(1, 100);
    report(40, 100);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.at(-1)).toEqual([40, 100]);
  });

  it('a forced report goes at once and replaces the one held back', () => {
    const { sent, report } = setup();
    report(1, 100);
    report(50, 100);
    report(100, 100, true);
    vi.advanceTimersByTime(2000);
    expect(sent).toEqual([
      [1, 100],
      [100, 100],
    ]);
  });
});
