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

/** What a browser process is, from its command line: the browser itself, a renderer (the extension's or a web page's), a utility, the GPU. */
function processKind(cmdline: string): string {
  const type = /--type=([\w-]+)/.exec(cmdline)?.[1];
  if (!type) return 'browser';
  if (type === 'renderer') return cmdline.includes('--extension-process') ? 'extension' : 'page';
  if (type === 'utility') return /--utility-sub-type=([\w.]+)/.exec(cmdline)?.[1]?.split('.').at(-1) ?? 'utility';
  return type;
}

/** CPU seconds (user + system) used so far by every process of this browser, by kind of process (processKind). */
export async function browserCpuByKind(profileDir: string): Promise<Map<string, number>> {
  const byKind = new Map<string, number>();
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      if (!cmdline.includes(profileDir)) continue;
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
      const kind = processKind(cmdline);
      byKind.set(kind, (byKind.get(kind) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return byKind;
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
