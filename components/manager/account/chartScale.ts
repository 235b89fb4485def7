// Scales for the stats chart: values to SVG points, and a round top for the axis.

/** 1, 2, 5 × 10^n at or above `max` (at least 1). */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * "x,y x,y ..." for a polyline inside width × height, y growing downwards; the first value on the
 * left, or on the right when `mirrored` (right-to-left languages read time from the right).
 */
export function polylinePoints(values: readonly number[], width: number, height: number, top: number, mirrored = false): string {
  if (values.length === 0) return '';
  const stepX = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const safe = Number.isFinite(v) ? Math.max(0, v) : 0;
      const y = height - (Math.min(safe, top) / top) * height;
      const x = values.length > 1 ? i * stepX : width / 2;
      return `${round(mirrored ? width - x : x)},${round(y)}`;
    })
    .join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
