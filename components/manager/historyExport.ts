import { historyColumns, jobToRow, jobsToCsv } from '../../lib/links/export';
import { send } from '../../lib/messaging';
import type { Job } from '../../lib/queue/model/job';
import { downloadText } from '../shared/download';
import { pageRequest, type HistoryQuery } from './historyFilter';

// History exports, a page of jobs at a time: 100,000 jobs never sit in the
// page as one array, only as the text parts of the file being built.

const exportPage = 1_000;

async function eachPage(query: HistoryQuery, fn: (jobs: Job[], first: boolean) => void): Promise<number> {
  let count = 0;
  for (let page = 0; ; page++) {
    const { jobs, total } = await send('jobs.page', pageRequest(query, page, exportPage));
    // A mirror's children come after its page: export them too, as rows of their own.
    fn(jobs, page === 0);
    count += jobs.length;
    if ((page + 1) * exportPage >= total) return count;
  }
}

export async function exportHistoryCsv(query: HistoryQuery, labelOf: (id: string) => string, filename: string): Promise<number> {
  const parts: string[] = [];
  const count = await eachPage(query, (jobs, first) => {
    const text = jobsToCsv(
      jobs.map((job) => jobToRow(job, labelOf(job.accountId))),
      historyColumns,
    );
    // Every page's text starts with the header row; the file has it once.
    parts.push(first ? text : text.slice(text.indexOf('\r\n') + 2));
  });
  downloadText(filename, parts, 'text/csv');
  return count;
}

export async function exportHistoryJson(query: HistoryQuery, filename: string): Promise<number> {
  const parts: string[] = ['['];
  let any = false;
  const count = await eachPage(query, (jobs) => {
    for (const job of jobs) {
      parts.push(`${any ? ',' : ''}\n  ${JSON.stringify(job, null, 2).replace(/\n/g, '\n  ')}`);
      any = true;
    }
  });
  parts.push(any ? '\n]' : ']');
  downloadText(filename, parts, 'application/json');
  return count;
}
