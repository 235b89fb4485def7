import { describe, expect, it } from 'vitest';
import { historyColumns, jobsToCsv, jobToRow, toJson } from '../../../lib/links/export';
import { jobSchema } from '../../../lib/queue/model/job';

describe('jobsToCsv', () => {
  it('writes a header and quotes commas, quotes and newlines (RFC 4180)', () => {
    const csv = jobsToCsv(
      [
        { a: 'plain', b: 'x,y' },
        { a: 'say "hi"', b: 'line1\nline2' },
        { a: 'cr\r', b: undefined },
      ],
      ['a', 'b'],
    );
    expect(csv).toBe('a,b\r\nplain,"x,y"\r\n"say ""hi""","line1\nline2"\r\n"cr\r",\r\n');
  });

  it('guards cells that a spreadsheet would run as formulas', () => {
    const csv = jobsToCsv([{ v: '=1+1' }, { v: '+SUM(A1)' }, { v: '-2+3' }, { v: '@cmd' }, { v: '\t=x' }, { v: 'a=b' }], ['v']);
    expect(csv.split('\r\n').slice(1, -1)).toEqual(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\t=x", 'a=b']);
  });

  it('guards and quotes together', () => {
    expect(jobsToCsv([{ v: '=HYPERLINK("http://x","y")' }], ['v'])).toBe('v\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n');
  });

  it('keeps numbers (also negative) and renders dates, objects and null', () => {
    const csv = jobsToCsv([{ n: -5, b: true, d: new Date(Date.UTC(2024, 0, 2)), o: { k: 1 }, z: null }], ['n', 'b', 'd', 'o', 'z']);
    expect(csv).toBe('n,b,d,o,z\r\n-5,true,2024-01-02T00:00:00.000Z,"{""k"":1}",\r\n');
  });

  it('rejects an export without columns', () => {
    expect(() => jobsToCsv([{ a: 1 }], [])).toThrow(/at least one column/);
  });
});

describe('toJson', () => {
  it('pretty-prints and rejects values without JSON form', () => {
    expect(toJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(() => toJson(undefined)).toThrow(/no JSON form/);
  });
});

describe('jobToRow', () => {
  it('maps a finished job onto the history columns', () => {
    const job = jobSchema.parse({
      id: 'j1',
      kind: 'remote',
      accountId: 'acc1',
      state: 'ready',
      url: 'https://example.com/v.mp4',
      createdAt: Date.UTC(2024, 4, 6, 7, 8, 9),
      updatedAt: 0,
      fileCode: 'abc',
      title: 'Clip',
      links: { watch: 'https://media.cm/abc', embed: 'https://media.cm/e/abc' },
    });
    const row = jobToRow(job, 'Main account');
    expect(Object.keys(row)).toEqual([...historyColumns]);
    expect(row).toMatchObject({
      account: 'Main account',
      createdAt: '2024-05-06T07:08:09.000Z',
      watch: 'https://media.cm/abc',
      error: '',
    });
    expect(jobsToCsv([row], historyColumns).split('\r\n')[1]).toBe(
      'j1,remote,Main account,ready,https://example.com/v.mp4,Clip,abc,https://media.cm/abc,https://media.cm/e/abc,2024-05-06T07:08:09.000Z,',
    );
  });

  it('names a failed file job by its file and shows the error', () => {
    const job = jobSchema.parse({
      id: 'j2',
      kind: 'file',
      accountId: 'acc1',
      state: 'failed',
      file: { name: 'holiday.mp4', size: 10, type: 'video/mp4', lastModified: 0 },
      createdAt: 0,
      updatedAt: 0,
      error: { code: 'auth', message: 'Wrong API key.' },
    });
    expect(jobToRow(job, 'A')).toMatchObject({ title: 'holiday.mp4', url: '', error: 'auth: Wrong API key.' });
  });
});
