import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../../components/manager/files/virtualRange';
import { niceMax, polylinePoints } from '../../../components/manager/account/chartScale';
import { createdSince, fileColumns, fileToRow } from '../../../components/manager/files/fileRows';
import { fileLinkItem, jobLinkItem } from '../../../components/format/linkItems';
import { unavailable } from '../../../components/manager/files/capabilities';
import { formatLinks } from '../../../lib/links/formats';
import { jobsToCsv } from '../../../lib/links/export';
import type { ListedFile, AccountCapabilities } from '../../../lib/protocol/files';
import type { Job } from '../../../lib/queue/model/job';

const file: ListedFile = {
  fileCode: 'abc123',
  title: 'A [clip]',
  status: 'ready',
  length: 65,
  views: 3,
  size: 2048,
  uploaded: '2024-05-01 10:00:00',
  links: { watch: 'https://host.example/abc123', embed: 'https://host.example/e/abc123' },
};

describe('visibleRange', () => {
  it('renders only the rows in view plus the overscan', () => {
    expect(visibleRange(0, 520, 52, 10_000, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(52 * 5000, 520, 52, 10_000, 5)).toEqual({ start: 4995, end: 5015 });
  });

  it('stays inside the list at the end, when empty and for odd input', () => {
    expect(visibleRange(52 * 20_000, 520, 52, 10_000, 5)).toEqual({ start: 9995, end: 10_000 });
    expect(visibleRange(0, 520, 52, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-100, 520, 52, 3, 0)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 520, 0, 3)).toEqual({ start: 0, end: 0 });
  });
});

describe('chart scale', () => {
  it('rounds the top to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(130)).toBe(200);
    expect(niceMax(4200)).toBe(5000);
    expect(niceMax(Number.NaN)).toBe(1);
  });

  it('maps values to points, bottom-up, clamping bad numbers to zero', () => {
    expect(polylinePoints([0, 50, 100], 200, 100, 100)).toBe('0,100 100,50 200,0');
    expect(polylinePoints([Number.NaN, -5], 10, 10, 10)).toBe('0,10 10,10');
    // Mirrored for right-to-left languages: the first value on the right.
    expect(polylinePoints([0, 50, 100], 200, 100, 100, true)).toBe('200,100 100,50 0,0');
    expect(polylinePoints([5], 200, 100, 10)).toBe('100,50');
    expect(polylinePoints([], 200, 100, 10)).toBe('');
  });
});

describe('file rows and link items', () => {
  it('exports a file with its links, guarded for spreadsheets', () => {
    const csv = jobsToCsv([fileToRow({ ...file, title: '=HYPERLINK("x")' })], fileColumns);
    expect(csv.split('\r\n')[0]).toBe(fileColumns.join(','));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('https://host.example/e/abc123');
  });

  it("turns a date input into the hosts' timestamp and refuses anything else", () => {
    expect(createdSince('2024-05-01')).toBe('2024-05-01 00:00:00');
    expect(createdSince('')).toBeUndefined();
    expect(createdSince('yesterday')).toBeUndefined();
  });

  it('builds link items that every format accepts', () => {
    const item = fileLinkItem(file, 'vipstream.cc');
    expect(formatLinks([item], 'bbcode')).toBe('[url=https://host.example/abc123]A (clip)[/url]');
    expect(formatLinks([item], 'template', '{title} | {length} | {size} | {host}')).toBe('A [clip] | 1:05 | 2.0 KB | vipstream.cc');
  });

  it('gives a job a link item only once it has links', () => {
    const job = { id: 'j', kind: 'remote', accountId: 'a', state: 'encoding', options: {}, createdAt: 1, updatedAt: 1, attempts: 0 } as Job;
    expect(jobLinkItem(job, 'h')).toBeUndefined();
    const ready = { ...job, state: 'ready', fileCode: 'x1', title: 'T', links: { watch: 'https://h.example/x1' } } as Job;
    expect(jobLinkItem(ready, 'h')).toMatchObject({ code: 'x1', title: 'T', watch: 'https://h.example/x1', host: 'h' });
  });
});

describe('unavailable', () => {
  const caps = { hostLabel: 'vipstream.cc', capabilities: ['moveFiles'] } as unknown as AccountCapabilities;
  it('says why an action is missing, and nothing when it is there', () => {
    expect(unavailable(caps, 'moveFiles')).toBeUndefined();
    expect(unavailable(caps, 'deleteFiles')).toBe('Not available on vipstream.cc: its API has no file deletion.');
    expect(unavailable(undefined, 'deleteFiles')).toMatch(/Loading/);
  });
});
