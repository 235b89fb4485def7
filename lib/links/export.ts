// CSV and JSON exports of the job history. CSV cells are guarded against
// formula injection because users open these files in spreadsheets.

import type { Job } from '../queue/model/job';
import { AppError } from '../errors';

export const historyColumns = ['id', 'kind', 'account', 'state', 'url', 'title', 'fileCode', 'watch', 'embed', 'createdAt', 'error'] as const;

export function jobToRow(job: Job, accountLabel: string): Record<(typeof historyColumns)[number], string> {
  return {
    id: job.id,
    kind: job.kind,
    account: accountLabel,
    state: job.state,
    url: job.kind === 'file' ? '' : job.url,
    title: job.title ?? job.options.title ?? (job.kind === 'file' ? job.file.name : '') ?? '',
    fileCode: job.fileCode ?? '',
    watch: job.links?.watch ?? '',
    embed: job.links?.embed ?? '',
    createdAt: new Date(job.createdAt).toISOString(),
    error: job.error ? `${job.error.code}: ${job.error.message}` : '',
  };
}

/** RFC 4180: a header row, CRLF line ends, fields quoted only when needed. */
export function jobsToCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  if (columns.length === 0) throw new AppError('invalid_input', 'A CSV export needs at least one column.');
  const lines = [columns.map(csvCell)];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])));
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

export function toJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) throw new AppError('invalid_input', 'Nothing to export: the value has no JSON form.');
  return text;
}

function csvCell(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  // Numbers and booleans cannot be formulas; "-5" must stay a number.
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  // Tab and CR also start formulas in some spreadsheets (OWASP CSV injection).
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
