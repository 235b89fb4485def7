import type { z } from '../zod';
import { AppError } from '../errors';

// One stored { version, data } value as it is read: migrated forward one step
// at a time, checked against its schema, and, when that fails, what was wrong
// with it. Nothing here reaches storage (lib/storage/versioned-item.ts does),
// so any module may read a value it was handed.

type Migration = (data: unknown) => unknown;

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
function fieldsOf(error: z.ZodError): string[] {
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

export function unreadableError(what: string): AppError {
  return new AppError(
    'storage_unreadable',
    `The stored ${what} could not be read. VidRelay keeps that data as it is and will not write over it: open Options, export or remove it under "Stored data that could not be read", then try again.`,
  );
}
