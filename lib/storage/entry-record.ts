import { AppError } from '../errors';
import { rawItem, unreadableError, type ReadResult, type StoredProblem } from './versioned-item';

// A list of records stored as one storage.local value holding each entry
// raw: { version: 1, entries: { [entryKey]: { version, data } }, order }. Each entry
// is migrated and checked on its own; one that cannot be read is left out of
// use and reported, and every write starts from the raw entries, so it only
// replaces the entries it changes and carries the unreadable ones over as
// they were. One value (not one key per entry) keeps each write atomic and
// lets the list be read without scanning the rest of storage.local.

const entryRecordVersion = 1;

export interface UnreadableEntry {
  entryKey: string;
  /** The id the entry claims, when it has a readable one. */
  id?: string;
  problem: StoredProblem;
}

export interface DecodedEntries<T> {
  /** Every entry as stored, in order. */
  raw: Record<string, unknown>;
  good: T[];
  bad: UnreadableEntry[];
  /** Set when the record itself cannot be read: nothing in it is used or written. */
  recordProblem?: StoredProblem;
}

export interface EntryRecordOptions<T> {
  key: `local:${string}`;
  /** What one entry is, in words for errors ("account"). */
  label: string;
  /** The version entries are written at. */
  version: number;
  /** One stored { version, data } entry, migrated and checked (readVersioned, or a reader that tells versions apart). */
  read: (entry: unknown) => ReadResult<T>;
  idOf: (value: T) => string;
  /** What is written as an entry's data for a value (the value itself unless said otherwise). */
  dataOf?: (value: T) => unknown;
  /** A more telling problem for an entry that failed, from its raw data. */
  explain?: (data: unknown, problem: StoredProblem) => StoredProblem;
}

function claimedId(raw: unknown): string | undefined {
  const data = raw && typeof raw === 'object' ? (raw as { data?: unknown }).data : undefined;
  const id = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? id.slice(0, 80) : undefined;
}

/** The entries in their stored order: storage.local may hand object keys back sorted. */
function inOrder(entries: Record<string, unknown>, order: unknown): Record<string, unknown> {
  const keys = Array.isArray(order) ? order.filter((k): k is string => typeof k === 'string' && Object.hasOwn(entries, k)) : [];
  const listed = new Set(keys);
  return Object.fromEntries([...keys, ...Object.keys(entries).filter((k) => !listed.has(k))].map((k) => [k, entries[k]]));
}

function decodeEntries<T>(value: unknown, options: EntryRecordOptions<T>): DecodedEntries<T> {
  const empty = { raw: {}, good: [], bad: [] };
  if (value == null) return empty;
  const version = value && typeof value === 'object' ? (value as { version?: unknown }).version : undefined;
  const entries = value && typeof value === 'object' ? (value as { entries?: unknown }).entries : undefined;
  if (typeof version === 'number' && version > entryRecordVersion) {
    return { ...empty, recordProblem: { code: 'newer_version', version, known: entryRecordVersion } };
  }
  if (version !== entryRecordVersion || !entries || typeof entries !== 'object' || Array.isArray(entries)) {
    return { ...empty, recordProblem: { code: 'not_record' } };
  }
  const raw = inOrder(entries as Record<string, unknown>, (value as { order?: unknown }).order);
  const good: T[] = [];
  const bad: UnreadableEntry[] = [];
  for (const [entryKey, entry] of Object.entries(raw)) {
    const result = options.read(entry);
    const id = claimedId(entry);
    if (result.ok && options.idOf(result.value) === entryKey) good.push(result.value);
    else if (result.ok) bad.push({ entryKey, id, problem: { code: 'duplicate_id' } });
    else {
      const data = entry && typeof entry === 'object' ? (entry as { data?: unknown }).data : undefined;
      bad.push({ entryKey, id, problem: options.explain?.(data, result.problem) ?? result.problem });
    }
  }
  return { raw, good, bad };
}

/** JSON with object keys sorted: storage may hand values back with their keys reordered. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function encodeEntries(raw: Record<string, unknown>) {
  return { version: entryRecordVersion, entries: raw, order: Object.keys(raw) };
}

/**
 * The raw entries after `next` replaced the readable list: entries of changed
 * values are replaced in place, new ones appended, readable ones left out of
 * `next` removed, unreadable ones kept as they were.
 */
function applyList<T>(
  decoded: Pick<DecodedEntries<unknown>, 'raw' | 'bad'>,
  next: readonly T[],
  options: Pick<EntryRecordOptions<T>, 'version' | 'label' | 'idOf' | 'dataOf'>,
): Record<string, unknown> {
  const dataOf = options.dataOf ?? ((value: T) => value);
  const unreadable = new Set(decoded.bad.map((b) => b.entryKey));
  const kept = new Map(next.map((value) => [options.idOf(value), value]));
  if (kept.size !== next.length) throw new AppError('invalid_input', `Two ${options.label}s have the same id.`);
  // A Map, then fromEntries: an id such as "__proto__" stays an ordinary key.
  const out = new Map<string, unknown>();
  for (const [entryKey, entry] of Object.entries(decoded.raw)) {
    if (unreadable.has(entryKey)) {
      if (kept.has(entryKey)) throw unreadableError(`${options.label} with this id`);
      out.set(entryKey, entry);
    } else if (kept.has(entryKey)) {
      out.set(entryKey, { version: options.version, data: dataOf(kept.get(entryKey) as T) });
      kept.delete(entryKey);
    }
  }
  for (const [id, value] of kept) out.set(id, { version: options.version, data: dataOf(value) });
  return Object.fromEntries(out);
}

export function defineEntryRecord<T>(options: EntryRecordOptions<T>) {
  const item = rawItem(options.key);
  return {
    key: options.key,
    item,
    read: async () => decodeEntries(await item.getValue(), options),
    decode: (value: unknown) => decodeEntries(value, options),
    /** Writes the raw entries as they are: callers build them with apply(). */
    write: async (raw: Record<string, unknown>) => item.setValue(encodeEntries(raw)),
    /** The raw entries after a change of the readable list; refuses when the record itself could not be read. */
    apply: (decoded: DecodedEntries<unknown>, next: readonly T[]) => {
      if (decoded.recordProblem) throw unreadableError(`${options.label}s`);
      return applyList(decoded, next, options);
    },
  };
}
