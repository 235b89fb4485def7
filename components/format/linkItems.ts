import type { LinkItem } from '../../lib/links/formats';
import type { ListedFile } from '../../lib/protocol/files';
import type { Job } from '../../lib/queue/model/job';

// What the link formats need, from a listed file or a finished job.

export function fileLinkItem(file: ListedFile, host: string): LinkItem {
  return {
    title: file.title,
    watch: file.links.watch,
    embed: file.links.embed,
    download: file.links.download,
    code: file.fileCode,
    size: file.size,
    length: file.length,
    host,
  };
}

/** Undefined until the job has its links. */
export function jobLinkItem(job: Job, host: string): LinkItem | undefined {
  if (!job.links?.watch) return undefined;
  return {
    title: job.title ?? job.options.title ?? (job.kind === 'file' ? job.file.name : undefined),
    watch: job.links.watch,
    embed: job.links.embed,
    download: job.links.download,
    code: job.fileCode ?? '',
    size: job.kind === 'file' ? job.file.size : job.kind === 'relay' ? job.bytesTotal : undefined,
    host,
  };
}
