import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pageScripts } from './page-scripts';
import { gzipSync } from 'node:zlib';

// Popup and options JavaScript must each stay under 40 KB gzipped: the popup
// opens on every click and must feel instant. A page's JavaScript is every
// script its HTML loads plus every chunk those import statically.

const dir = process.argv[2] ?? '.output/chrome-mv3';
const budgetBytes = 40 * 1024;
const budgeted = new Set(['popup', 'options']);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = false;
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -5));
for (const page of ['popup', 'options', ...pages.filter((p) => !budgeted.has(p)).sort()]) {
  if (!existsSync(join(dir, `${page}.html`))) {
    console.log(`${page}: MISSING`);
    failed ||= budgeted.has(page);
    continue;
  }
  const files = pageScripts(dir, page);
  const gz = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0);
  const limited = budgeted.has(page);
  const over = limited && gz > budgetBytes;
  failed ||= over;
  // zod in a page bundle is the usual cause of a blown budget.
  const zod = files.some((f) => /ZodError|\$ZodType/.test(readFileSync(join(dir, f), 'utf8')));
  console.log(
    `${page}: ${kb(gz)} gzipped (${files.length} files)${limited ? ` / budget 40 KB ${over ? 'OVER' : 'ok'}` : ''}${zod ? ' [contains zod: import types only, or use zod/mini]' : ''}`,
  );
}
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  console.log(`${file}: ${kb(gzipSync(readFileSync(join(dir, file))).length)} gzipped`);
}
if (failed) {
  console.error('Size budget exceeded: keep zod and lib/protocol values out of UI pages (import types only).');
  process.exit(1);
}
