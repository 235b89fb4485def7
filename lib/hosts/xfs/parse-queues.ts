// Deleted files, the DMCA queue, the encoding queue and direct links: lists
// the host keeps about files rather than the files themselves.
import { asArray, asDate, asId, asNumber, asObject, asString, compact, pick, asWebUrl } from '../coerce';
import { badShape } from '../shape';
import type { DeletedFile, DirectLink, DirectLinks, DmcaFile, Encoding } from '../types';
import { fileCodeOf } from './parse-files';

function rows(result: unknown, what: string): unknown[] {
  if (result === undefined || result === null) return [];
  return asArray(result) ?? badShape(`${what} is not a list`);
}

/** Rows naming a file; a row without a file code tells the user nothing and is skipped. */
function fileRows<T>(result: unknown, what: string, build: (o: Record<string, unknown>, fileCode: string) => T): T[] {
  return rows(result, what).flatMap((row) => {
    const o = asObject(row);
    const fileCode = o && fileCodeOf(o);
    return o && fileCode ? [build(o, fileCode)] : [];
  });
}

export function parseDeleted(result: unknown): DeletedFile[] {
  return fileRows(result, 'deleted files', (o, fileCode) =>
    compact({
      fileCode,
      title: asString(pick(o, 'title', 'name', 'file_title')),
      // Vinovo's inactive/list names the time as disabled_on.
      deleted: asDate(pick(o, 'deleted', 'disabled_on')),
      deletedAgoSec: asNumber(o.deleted_ago_sec),
      deletedBy: asString(o.deleted_by),
    }),
  );
}

export function parseDmca(result: unknown): DmcaFile[] {
  return fileRows(result, 'DMCA list', (o, fileCode) =>
    // DoodStream's dmca/list and Vinovo's abuse/list name the time as disabled_on.
    compact({ fileCode, deleteAt: asDate(pick(o, 'del_time', 'disabled_on')), deleteInSec: asNumber(o.del_in_sec) }),
  );
}

export function parseEncodings(result: unknown): Encoding[] {
  return fileRows(result, 'encoding queue', (o, fileCode) =>
    compact({
      fileCode,
      title: asString(pick(o, 'name', 'title', 'file_title')),
      quality: asString(o.quality),
      progress: asNumber(o.progress) ?? 0,
      status: asString(o.status) ?? 'UNKNOWN',
      link: asString(o.link),
    }),
  );
}

export function parseDirectLinks(result: unknown): DirectLinks {
  const o = asObject(result) ?? badShape('direct links are not an object');
  const versions = (asArray(o.versions) ?? []).flatMap((row): DirectLink[] => {
    const v = asObject(row);
    const url = v && asString(v.url);
    if (!v || !url) return [];
    return [compact({ quality: asId(pick(v, 'name', 'quality')) ?? 'o', url, size: asNumber(v.size) })];
  });
  // A single-quality request may answer with a bare url.
  const single = asString(o.url);
  if (single && versions.length === 0) versions.push({ quality: 'o', url: single });
  return compact({
    versions,
    hls: asString(pick(o, 'hls_direct', 'hls')),
    length: asNumber(pick(o, 'file_length', 'length')),
    thumbnail: asWebUrl(pick(o, 'player_img', 'thumbnail')),
  });
}
