import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Scripts a built page loads: those its HTML names plus every chunk they import, statically or dynamically. */
export function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page.endsWith('.html') ? page : `${page}.html`), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length) {
    const file = posix.normalize(queue.shift()!);
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(posix.join(posix.dirname(file), m[1]));
    }
  }
  return [...seen];
}
