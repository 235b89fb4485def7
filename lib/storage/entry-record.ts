import type { z } from '../zod';
import { HostError } from '../errors';
import { rawItem, readVersioned, unreadableError, type ReadOptions, type StoredProblem } from './versioned-item';

// A list of records stored as one storage.local value holding each entry
// raw: { version: 1, entries: { [entryKey]: { version, data } }, order }. Each entry
// is migrated and checked on its own; one that cannot be read is left out of
// use and reported, and every write starts from the raw entries, so it only
// replaces the entries it changes and carries the unreadable ones over as
// they were. One value (not one key per entry) keeps each write atomic and
// lets the list be read without scanning the rest of storage.local.

export const entryRecordVersion = 1;

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

export interface EntryRecordOptions<S extends z.ZodType> extends ReadOptions<S> {
  key: `local:${string}`;
  /** What one entry is, in words for errors ("account"). */
  label: string;
  idOf: (value: z.output<S>) => string;
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

export function decodeEntries<S extends z.ZodType>(value: unknown, options: EntryRecordOptions<S>): DecodedEntries<z.output<S>> {
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
  const good: z.output<S>[] = [];
  const bad: UnreadableEntry[] = [];
  for (const [entryKey, entry] of Object.entries(raw)) {
    const result = readVersioned(entry, options);
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
export function applyList<T>(decoded: DecodedEntries<T>, next: readonly T[], options: { version: number; label: string; idOf: (v: T) => string }): Record<string, unknown> {
  const unreadable = new Set(decoded.bad.map((b) => b.entryKey));
  const kept = new Map(next.map((value) => [options.idOf(value), value]));
  if (kept.size !== next.length) throw new HostError('invalid_input', `Two ${options.label}s have the same id.`);
  // A Map, then fromEntries: an id such as "__proto__" stays an ordinary key.
  const out = new Map<string, unknown>();
  for (const [entryKey, entry] of Object.entries(decoded.raw)) {
    if (unreadable.has(entryKey)) {
      if (kept.has(entryKey)) throw unreadableError(`${options.label} with this id`);
      out.set(entryKey, entry);
    } else if (kept.has(entryKey)) {
      out.set(entryKey, { version: options.version, data: kept.get(entryKey) });
      kept.delete(entryKey);
    }
  }
  for (const [id, value] of kept) out.set(id, { version: options.version, data: value });
  return Object.fromEntries(out);
}

export function defineEntryRecord<S extends z.ZodType>(options: EntryRecordOptions<S>) {
  const item = rawItem(options.key);
  return {
    key: options.key,
    item,
    read: async () => decodeEntries(await item.getValue(), options),
    decode: (value: unknown) => decodeEntries(value, options),
    /** Writes the raw entries as they are: callers build them with apply(). */
    write: async (raw: Record<string, unknown>) => item.setValue(encodeEntries(raw)),
    /** The raw entries after a change of the readable list; refuses when the record itself could not be read. */
    apply: (decoded: DecodedEntries<z.output<S>>, next: readonly z.output<S>[]) => {
      if (decoded.recordProblem) throw unreadableError(`${options.label}s`);
      return applyList(decoded, next, options);
    },
  };
}
