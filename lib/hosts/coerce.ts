// Hosts send numbers as strings, strings as numbers, flags as 1/"1"/true and
// dates in several shapes. These helpers turn such values into one type or
// `undefined`, and never throw.

export type Json = Record<string, unknown>;

export function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** An absolute http(s) URL a page may load (a thumbnail); anything else (javascript:, data:, a bare name) is dropped. */
export function asWebUrl(value: unknown): string | undefined {
  const text = asString(value)?.trim();
  if (!text || text.length > 4096 || !/^https?:\/\/[^\s]/i.test(text)) return undefined;
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

/** A non-empty string, for identifiers. */
export function asId(value: unknown): string | undefined {
  const text = asString(value)?.trim();
  return text ? text : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = asString(value)?.trim().toLowerCase();
  if (text === '1' || text === 'true' || text === 'yes') return true;
  if (text === '0' || text === 'false' || text === 'no') return false;
  return undefined;
}

/** The first field of `names` that `source` holds (not null/undefined). */
export function pick(source: Json, ...names: string[]): unknown {
  for (const name of names) {
    const value = source[name];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

const xfsDate = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * ISO 8601 when the text is a valid date, otherwise the host's raw text.
 * XFS hosts send "YYYY-MM-DD HH:MM:SS" without a zone; we read it as UTC.
 */
export function asDate(value: unknown): string | undefined {
  const text = asString(value)?.trim();
  if (!text) return undefined;
  const m = xfsDate.exec(text);
  if (!m) return text;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${m[8] ?? 'Z'}`);
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60 && year > 0;
  return valid && !Number.isNaN(date.getTime()) ? date.toISOString() : text;
}

/** Drop keys whose value is undefined, so normalized objects compare cleanly. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
