// Intl objects made once: making a formatter costs far more than using one,
// and a list of hundreds of rows formats as many numbers, dates and plurals.

/** The object kept under `key`, made the first time it is asked for. */
export function kept<F>(made: Map<string, F>, key: string, make: () => F): F {
  const had = made.get(key);
  if (had) return had;
  const fresh = make();
  made.set(key, fresh);
  return fresh;
}
