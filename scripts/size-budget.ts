import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Popup and options JavaScript must each stay under 40 KB gzipped: the popup
// opens on every click and must feel instant.

const dir = process.argv[2] ?? '.output/chrome-mv3';
const budgetBytes = 40 * 1024;

function scriptsOf(page: string): string[] {
  const html = readFileSync(join(dir, `${page}.html`), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1].replace(/^\//, ''));
  return [...new Set(refs)];
}

let failed = false;
for (const page of ['popup', 'options', 'manager']) {
  let files: string[];
  try {
    files = scriptsOf(page);
  } catch {
    continue;
  }
  const gz = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0);
  const limited = page !== 'manager';
  const over = limited && gz > budgetBytes;
  failed ||= over;
  console.log(`${page}: ${(gz / 1024).toFixed(1)} KB gzipped (${files.length} files)${limited ? ` / budget 40 KB ${over ? 'OVER' : 'ok'}` : ''}`);
}
const background = readdirSync(dir).filter((f) => f.endsWith('.js'));
for (const file of background) {
  console.log(`${file}: ${(gzipSync(readFileSync(join(dir, file))).length / 1024).toFixed(1)} KB gzipped`);
}
if (failed) process.exit(1);
