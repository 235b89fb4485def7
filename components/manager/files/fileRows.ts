import type { ListedFile } from '../../../lib/protocol/files';

// File export rows: what a spreadsheet of the selection shows.

export const fileColumns = ['fileCode', 'title', 'status', 'length', 'views', 'size', 'uploaded', 'folderId', 'watch', 'embed', 'download'] as const;

export function fileToRow(file: ListedFile): Record<(typeof fileColumns)[number], string | number> {
  return {
    fileCode: file.fileCode,
    title: file.title ?? '',
    status: file.status,
    length: file.length ?? '',
    views: file.views ?? '',
    size: file.size ?? '',
    uploaded: file.uploaded ?? '',
    folderId: file.folderId ?? '',
    watch: file.links.watch,
    embed: file.links.embed ?? '',
    download: file.links.download ?? '',
  };
}

/** "YYYY-MM-DD" from a date input to the hosts' "YYYY-MM-DD HH:MM:SS". */
export function createdSince(day: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day} 00:00:00` : undefined;
}
