import { readdir, readFile } from 'node:fs/promises';

// A browser's processes (found by its profile directory) as the benches measure them: memory and CPU.

/** Resident memory of every process of this browser (found by its profile directory), in bytes. */
async function browserRss(profileDir: string): Promise<number> {
  let total = 0;
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes(profileDir)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) * 1024;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

/** CPU seconds (user + system) used so far by every process of this browser. */
export async function browserCpu(profileDir: string): Promise<number> {
  let ticks = 0;
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!(await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(profileDir)) continue;
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks / 100;
}

/** Samples the browser's memory until stopped; resolves to the peak growth over the start. */
export function sampleGrowth(profileDir: string): { stop(): Promise<number> } {
  let sampling = true;
  const done = (async () => {
    const baseline = await browserRss(profileDir);
    let peak = baseline;
    while (sampling) {
      peak = Math.max(peak, await browserRss(profileDir));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return peak - baseline;
  })();
  return {
    stop: () => {
      sampling = false;
      return done;
    },
  };
}
