import { storage } from 'wxt/utils/storage';
import type { z } from './zod';

// Every persisted shape is stored as { version, data }. Older versions are
// migrated forward one step at a time; a value that still fails the schema
// falls back instead of crashing the extension (and is reported).

type Migration = (data: unknown) => unknown;

export interface VersionedItemOptions<S extends z.ZodType> {
  key: `local:${string}` | `session:${string}`;
  version: number;
  schema: S;
  fallback: () => z.output<S>;
  /** migrations[n] turns version n data into version n + 1 data. */
  migrations?: Record<number, Migration>;
  onInvalid?: (error: unknown, raw: unknown) => void;
}

export interface VersionedItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read-modify-write, serialized so concurrent updates never lose one another. */
  update(fn: (value: T) => T | Promise<T>): Promise<T>;
  watch(cb: (value: T) => void): () => void;
}

export function migrate(
  raw: unknown,
  version: number,
  migrations: Record<number, Migration> = {},
): { data: unknown; from: number } | undefined {
  if (!raw || typeof raw !== 'object' || !('version' in raw)) return undefined;
  let from = Number((raw as { version: unknown }).version);
  if (!Number.isInteger(from) || from > version) return undefined;
  let data = (raw as { data?: unknown }).data;
  const start = from;
  while (from < version) {
    const step = migrations[from];
    if (!step) return undefined;
    data = step(data);
    from += 1;
  }
  return { data, from: start };
}

export function defineVersionedItem<S extends z.ZodType>(options: VersionedItemOptions<S>): VersionedItem<z.output<S>> {
  type T = z.output<S>;
  const item = storage.defineItem<{ version: number; data: unknown } | null>(options.key, { fallback: null });
  let chain: Promise<unknown> = Promise.resolve();

  const decode = (raw: unknown): T => {
    if (raw == null) return options.fallback();
    const migrated = migrate(raw, options.version, options.migrations);
    const parsed = migrated ? options.schema.safeParse(migrated.data) : undefined;
    if (parsed?.success) return parsed.data as T;
    options.onInvalid?.(parsed?.error ?? new Error('Unknown or newer stored version'), raw);
    return options.fallback();
  };

  const get = async () => decode(await item.getValue());
  const set = (value: T) => item.setValue({ version: options.version, data: value });

  return {
    get,
    set,
    update(fn) {
      const next = chain.then(async () => {
        const value = await fn(await get());
        await set(value);
        return value;
      });
      chain = next.catch(() => undefined);
      return next;
    },
    watch(cb) {
      return item.watch((raw) => cb(decode(raw)));
    },
  };
}
