import type { JobState } from '../../lib/queue/model/job';
import type { RequestOf } from '../../lib/messaging';

// What the History tab's search and filters ask the background for (the
// matching itself runs there, over every job: lib/queue/history/index.ts).

export interface HistoryQuery {
  text: string;
  accountId: string;
  state: JobState | '';
}

const historyPageSize = 50;

export function pageRequest(query: HistoryQuery, page: number, limit = historyPageSize): RequestOf<'jobs.page'> {
  return {
    limit,
    offset: page * limit,
    ...(query.text.trim() ? { text: query.text.trim() } : {}),
    ...(query.accountId ? { accountId: query.accountId } : {}),
    ...(query.state ? { state: query.state } : {}),
  };
}

export function isFiltered(query: HistoryQuery): boolean {
  return !!(query.text.trim() || query.accountId || query.state);
}

export function pageCount(total: number, limit = historyPageSize): number {
  return Math.max(1, Math.ceil(total / limit));
}
