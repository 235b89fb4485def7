import { describe, expect, it } from 'vitest';
import { recentCopyLimit, recentCopyRows } from '../../../lib/protocol/recent-copy';
import { job } from '../queue/fakes';

// The popup reads the background's copy of the newest jobs itself: only a
// copy of this build's format, each row with what a job row shows.

const rows = [
  job({ id: 'r', kind: 'remote', state: 'ready', links: { watch: 'https://h.example/x' } }),
  job({ id: 'f', kind: 'file', state: 'uploading', group: { id: 'g', index: 0 } }),
  job({ id: 'e', kind: 'relay', state: 'failed', error: { code: 'network', message: 'gone' } }),
];
const copy = (data: unknown, version = 1) => ({ version, data });

describe('the stored copy of the newest jobs, read in a page', () => {
  it('gives the rows of a copy this build writes', () => {
    expect(recentCopyRows(copy({ limit: recentCopyLimit, jobs: rows, copiedAt: 1 }))).toEqual(rows);
    expect(recentCopyRows(copy({ limit: recentCopyLimit, jobs: [], copiedAt: 1 }))).toEqual([]);
  });

  it('reads nothing from a newer or older format, another limit, or a row a job row could not show', () => {
    expect(recentCopyRows(undefined)).toBeUndefined();
    expect(recentCopyRows(copy({ limit: recentCopyLimit, jobs: rows, copiedAt: 1 }, 2))).toBeUndefined();
    expect(recentCopyRows(copy({ limit: 5, jobs: rows, copiedAt: 1 }))).toBeUndefined();
    expect(recentCopyRows(copy({ limit: recentCopyLimit, jobs: 'x' }))).toBeUndefined();
    const broken = [
      { ...rows[1], file: { size: 1 } },
      { ...rows[0], url: 7 },
      { ...rows[0], state: 'dreaming' },
      { ...rows[0], group: { id: 'g' } },
      { ...rows[2], error: 'gone' },
      { ...rows[0], createdAt: 'today' },
    ];
    for (const row of broken) expect(recentCopyRows(copy({ limit: recentCopyLimit, jobs: [rows[0], row], copiedAt: 1 }))).toBeUndefined();
  });
});
