import { storage } from 'wxt/utils/storage';
import type { z } from '../zod';
import { readVersioned, unreadableError, type ReadOptions, type ReadResult, type StoredProblem } from './versioned-record';

// Every persisted shape is stored as { version, data }. Older versions are
// migrated forward one step at a time. A stored value that cannot be read
// (wrong shape, newer version, no way to upgrade it) is never replaced: the
// extension runs on the fallback in memory, reports the problem, and refuses
// to write over the record until the user exports or removes it.

// Reading one value needs no storage: versioned-record.ts holds that, for the
// modules that are handed an item rather than open one, and it is re-exported here.
export {
  migrate,
  problemText,
  readVersioned,
  unreadableError,
  type ReadOptions,
  type ReadResult,
  type StoredProblem,
} from './versioned-record';

/** One stored key as it is, read when asked and only then. */
export interface RawItem {
  /** The stored value, or null when there is none. */
  getValue(): Promise<unknown>;
  setValue(value: unknown): Promise<void>;
  removeValue(): Promise<void>;
  watch(cb: (value: unknown) => void): () => void;
}

/**
 * A storage key without WXT's defineItem, which reads its value as soon as
 * it is defined: every worker start would then read every stored record
 * (link health's results can run to megabytes) ahead of what a page asked for.
 */
export function rawItem(key: `local:${string}` | `session:${string}`): RawItem {
  return {
    getValue: async () => (await storage.getItem<unknown>(key)) ?? null,
    setValue: (value) => storage.setItem(key, value),
    removeValue: () => storage.removeItem(key),
    watch: (cb) => storage.watch<unknown>(key, (value) => cb(value ?? null)),
  };
}

export interface VersionedItemOptions<S extends z.ZodType> extends ReadOptions<S> {
  key: `local:${string}` | `session:${string}`;
  /** Where the record is kept, when that is not `key` in extension storage (link health: IndexedDB). */
  raw?: RawItem;
  /** What the record holds, in words for errors ("settings", "link health"). */
  label: string;
  fallback: () => z.output<S>;
  onInvalid?: (problem: StoredProblem) => void;
}

export interface VersionedItem<T> {
  /** Where it is stored (an export of an unreadable record names it). */
  readonly key: string;
  /** The stored value, or the fallback when there is none or it cannot be read. */
  get(): Promise<T>;
  /** Rejects with 'storage_unreadable' instead of overwriting a value it cannot read. */
  set(value: T): Promise<void>;
  /** Read-modify-write, serialized so concurrent updates never lose one another. */
  update(fn: (value: T) => T | Promise<T>): Promise<T>;
  watch(cb: (value: T) => void): () => void;
  /** What is wrong with the stored value; undefined when it reads (or there is none). */
  problem(): Promise<StoredProblem | undefined>;
  /** The stored value exactly as it is. */
  raw(): Promise<unknown>;
  /** Rejects with 'storage_unreadable' when a write would replace an unreadable value. */
  assertWritable(): Promise<void>;
  /** Removes the stored value, only while it is still unreadable. */
  removeUnreadable(): Promise<boolean>;
}

export function defineVersionedItem<S extends z.ZodType>(options: VersionedItemOptions<S>): VersionedItem<z.output<S>> {
  type T = z.output<S>;
  const item = options.raw ?? rawItem(options.key);
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <R>(task: () => Promise<R>): Promise<R> => {
    const next = chain.then(task);
    chain = next.catch(() => undefined);
    return next;
  };

  const read = (raw: unknown): ReadResult<T> | undefined => (raw == null ? undefined : readVersioned(raw, options));
  const decode = (raw: unknown): T => {
    const result = read(raw);
    if (!result) return options.fallback();
    if (result.ok) return result.value;
    options.onInvalid?.(result.problem);
    return options.fallback();
  };
  const current = async (): Promise<T> => {
    const result = read(await item.getValue());
    if (result && !result.ok) throw unreadableError(options.label);
    return result?.value ?? options.fallback();
  };
  const write = (value: T) => item.setValue({ version: options.version, data: value });

  return {
    key: options.key,
    get: async () => decode(await item.getValue()),
    set: (value) =>
      serial(async () => {
        await current();
        await write(value);
      }),
    update: (fn) =>
      serial(async () => {
        const value = await fn(await current());
        await write(value);
        return value;
      }),
    watch: (cb) => item.watch((raw) => cb(decode(raw))),
    problem: async () => {
      const result = read(await item.getValue());
      return result && !result.ok ? result.problem : undefined;
    },
    raw: () => item.getValue(),
    assertWritable: async () => void (await current()),
    removeUnreadable: () =>
      serial(async () => {
        const result = read(await item.getValue());
        if (!result || result.ok) return false;
        await item.removeValue();
        return true;
      }),
  };
}
