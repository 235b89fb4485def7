// VidGuard names its fields in capitals ("HashID", "FolderID", "Balance").
// A server that spells one "hashid" or "hash_id" means the same field, so a
// field is found by its letters and digits alone, whatever their case.
import type { Json } from '../coerce';

const bare = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The value of the field named `name` (exact spelling first), or undefined. */
export function field(source: Json, name: string): unknown {
  if (source[name] !== undefined && source[name] !== null) return source[name];
  const wanted = bare(name);
  for (const key of Object.keys(source)) {
    if (bare(key) === wanted && source[key] !== undefined && source[key] !== null) return source[key];
  }
  return undefined;
}
