// XFS hosts print times as 'YYYY-MM-DD HH:MM:SS'; the simulator uses UTC so
// tests read the same strings on any machine.

export function xfsTime(ms: number = Date.now()): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function parseXfsTime(text: string): number {
  const ms = Date.parse(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? NaN : ms;
}

/** megamax.me style: '2023-04-15T03:15:21.000000Z'. */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
