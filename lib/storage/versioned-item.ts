import { storage } from 'wxt/utils/storage';
import type { z } from '../zod';
import { HostError } from '../errors';

// Every persisted shape is stored as { version, data }. Older versions are
// migrated forward one step at a time. A stored value that cannot be read
// (wrong shape, newer version, no way to upgrade it) is never replaced: the
// extension runs on the fallback in memory, reports the problem, and refuses
// to write over the record until the user exports or removes it.

type Migration = (data: unknown) => unknown;

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

/** What was wrong with a stored value, in a form the UI can put into words. */
export type StoredProblem =
  | { code: 'not_record' }
  | { code: 'newer_version'; version: number; known: number }
  | { code: 'no_migration'; version: number }
  | { code: 'migration_failed'; version: number }
  | { code: 'bad_shape'; fields: string[] }
  | { code: 'unknown_host'; hostId: string }
  | { code: 'duplicate_id' };

/** The problem in English words (logs, tests, messages). Never quotes stored values but a host id. */
export function problemText(problem: StoredProblem): string {
  switch (problem.code) {
    case 'not_record':
      return 'It is not a versioned VidRelay record.';
    case 'newer_version':
      return `It was written by a newer version of VidRelay (format ${problem.version}; this version reads up to ${problem.known}).`;
    case 'no_migration':
      return `Its format ${problem.version} cannot be upgraded by this version of VidRelay.`;
    case 'migration_failed':
      return `Upgrading it from format ${problem.version} failed.`;
    case 'bad_shape':
      return problem.fields.length ? `These fields are missing or wrong: ${problem.fields.join(', ')}.` : 'Its content has the wrong shape.';
    case 'unknown_host':
      return `Its host "${problem.hostId}" is unknown to this version of VidRelay.`;
    case 'duplicate_id':
      return 'Another stored account has the same id.';
  }
}

/** Field paths of a zod error, short and without the values that failed. */
export function fieldsOf(error: z.ZodError): string[] {
  const paths = error.issues.map((issue) => issue.path.map(String).join('.').slice(0, 40) || '(whole value)');
  return [...new Set(paths)].slice(0, 5);
}

export type MigrateResult = { data: unknown; from: number } | { problem: StoredProblem };

export function migrate(raw: unknown, version: number, migrations: Record<number, Migration> = {}): MigrateResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !('version' in raw)) return { problem: { code: 'not_record' } };
  const start = (raw as { version: unknown }).version;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) return { problem: { code: 'not_record' } };
  if (start > version) return { problem: { code: 'newer_version', version: start, known: version } };
  let data = (raw as { data?: unknown }).data;
  for (let from = start; from < version; from++) {
    const step = migrations[from];
    if (!step) return { problem: { code: 'no_migration', version: from } };
    try {
      data = step(data);
    } catch {
      return { problem: { code: 'migration_failed', version: from } };
    }
  }
  return { data, from: start };
}

export type ReadResult<T> = { ok: true; value: T; from: number } | { ok: false; problem: StoredProblem };

export interface ReadOptions<S extends z.ZodType> {
  version: number;
  schema: S;
  /** migrations[n] turns version n data into version n + 1 data. */
  migrations?: Record<number, Migration>;
}

/** Migrate and check one stored { version, data } value. */
export function readVersioned<S extends z.ZodType>(raw: unknown, options: ReadOptions<S>): ReadResult<z.output<S>> {
  const migrated = migrate(raw, options.version, options.migrations);
  if ('problem' in migrated) return { ok: false, problem: migrated.problem };
  const parsed = options.schema.safeParse(migrated.data);
  if (!parsed.success) return { ok: false, problem: { code: 'bad_shape', fields: fieldsOf(parsed.error) } };
  return { ok: true, value: parsed.data as z.output<S>, from: migrated.from };
}

export function unreadableError(what: string): HostError {
  return new HostError(
    'storage_unreadable',
    `The stored ${what} could not be read. VidRelay keeps that data as it is and will not write over it: open Options, export or remove it under "Stored data that could not be read", then try again.`,
  );
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
