// What a bench promises: every target it prints is checked, and one miss
// fails the run (exit code 1, which bench/run.ts passes on).

export function median(list: readonly number[]): number {
  if (list.length === 0) throw new Error('median of nothing');
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export class Targets {
  private readonly missed: string[] = [];

  /** Prints the figure with its target, marked ok or MISS. */
  check(figure: string, met: boolean): void {
    console.log(`${met ? 'ok  ' : 'MISS'} ${figure}`);
    if (!met) this.missed.push(figure);
  }

  /** PASS, or FAIL with each missed target; sets the exit code. */
  finish(): void {
    if (this.missed.length === 0) {
      console.log('PASS');
      return;
    }
    console.log(`FAIL: ${this.missed.length} target(s) missed`);
    process.exitCode = 1;
  }
}
