// `npm run bench`: runs every other bench/*.ts in turn with tsx (after the
// build), echoes its output, and ends with one summary of all figures.
// Exits 1 if any bench failed.

import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

const dir = join(process.cwd(), 'bench');

function run(file: string): Promise<{ code: number; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const text = rest + chunk.toString();
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, lines: rest ? [...lines, rest] : lines }));
  });
}

const files = (await readdir(dir)).filter((name) => name.endsWith('.ts') && name !== 'run.ts').sort();
const summary: string[] = [];
let failed = 0;
for (const name of files) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { code, lines } = await run(join(dir, name));
  if (code !== 0) failed++;
  const figures = lines.filter((line) => /\d/.test(line) && !/^\s*$/.test(line)).slice(-6);
  summary.push(
    `${basename(name, '.ts')} (${code === 0 ? 'ok' : `exit ${code}`}, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    ...figures.map((line) => `  ${line}`),
  );
}
console.log('\n=== summary ===');
for (const line of summary) console.log(line);
process.exit(failed ? 1 : 0);
