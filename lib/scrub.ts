// An account's secrets (its key, and its login where the host has one) must
// not survive in anything a host says: a host may quote them back in an
// error, a status, a file title, a URL. Host text is scrubbed where it enters
// the extension (an account's client, the upload reply), so nothing stored,
// shown, logged or notified holds a secret. Scrubbing matches each secret
// as sent and in the encodings a reply may quote it in, inside longer text.

const mask = '***';
/** Shorter strings would mask ordinary words; keys are far longer. */
const minLength = 3;

function encodingsOf(secret: string): string[] {
  const component = encodeURIComponent(secret);
  const forms = [
    secret,
    component,
    component.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    component.replace(/%20/g, '+'),
    encodeURI(secret),
    encodeURIComponent(component),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  ];
  return forms;
}

export interface Scrubber {
  text(value: string): string;
  /** Strings anywhere in plain objects and arrays; other objects (Sets, Files, Dates) are left as they are. */
  deep<T>(value: T): T;
  /** Masks the secrets in an error's message, stack and cause, in place: its class, code and status stay. */
  error<T>(error: T): T;
}

export function scrubberFor(secrets: readonly (string | undefined)[]): Scrubber {
  const forms = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.trim().length >= minLength).flatMap(encodingsOf))]
    .filter((form) => form.length >= minLength)
    // Longest first: a secret's encoded form may contain the secret itself.
    .sort((a, b) => b.length - a.length);

  const text = (value: string): string => {
    let out = value;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(mask);
    return out;
  };

  const deep = <T>(value: T, depth = 0): T => {
    if (!forms.length || depth > 50) return value;
    if (typeof value === 'string') return text(value) as T;
    if (Array.isArray(value)) return value.map((item) => deep(item, depth + 1)) as T;
    if (value && typeof value === 'object') {
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), deep(v, depth + 1)])) as T;
    }
    return value;
  };

  const error = <T>(err: T, depth = 0): T => {
    if (!forms.length || !(err instanceof Error) || depth > 5) return err;
    const writable = err as Error & { cause?: unknown };
    try {
      writable.message = text(writable.message);
      if (typeof writable.stack === 'string') writable.stack = text(writable.stack);
      if (writable.cause !== undefined) {
        if (writable.cause instanceof Error) error(writable.cause, depth + 1);
        else writable.cause = deep(writable.cause);
      }
    } catch {
      // A frozen error cannot be masked in place: replace it.
      return new Error(text(writable.message)) as T;
    }
    return err;
  };

  return { text, deep, error };
}

/** Scrub one string of the given secrets. */
export function scrubText(value: string, ...secrets: (string | undefined)[]): string {
  return scrubberFor(secrets).text(value);
}
