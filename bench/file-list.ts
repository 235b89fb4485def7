// The Files tab with 10,000 files in real Chromium (the built extension against
// the local host simulator): loads every page, then measures the main-thread
// work of a scroll jump and of a keystroke in the title filter (handler, Preact
// render, style and layout; not raster, which headless software rendering makes
// noisy) and how many rows are in the DOM. Budgets: scroll jump p95 under 16 ms,
// filter + render p95 under 50 ms, fewer than 40 rows rendered.
// Run after `npm run build:test`: npx tsx bench/file-list.ts (exits 1 on FAIL). Counts on the page
// are written as English writes numbers ("1,000 shown of 1,000 loaded").

import { startHostSim } from '../tests/host-sim';
import { launchExtension } from '../tests/browsers/chromium';
import { accountEntriesSeed, seededAccount } from '../tests/browsers/stored-accounts';

const fileCount = 10_000;
const KEY = 'bench-files-key-0001';
const words = ['holiday', 'beach', 'concert', 'tutorial', 'game', 'review', 'trailer', 'vlog', 'cat', 'recipe'];

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

const sim = await startHostSim({ encodeMs: 0 });
sim.addAccount({ hostId: 'vipstream.cc', key: KEY });
for (let i = 0; i < fileCount; i++) {
  sim.addFile('vipstream.cc', KEY, { title: `${words[i % 10]} ${words[(i * 7) % 10]} part ${i}`, length: (i * 37) % 7200, views: (i * 13) % 5000 });
}
const session = await launchExtension();
let failed = false;
try {
  const worker = await session.worker();
  const account = seededAccount(sim, 'acc_bench', 'vipstream.cc', 'Bench', KEY, { defaults: {}, createdAt: Date.now() });
  await worker.evaluate(async (seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));

  const page = await session.context.newPage();
  await page.goto(session.url('manager.html#files'));
  await page.getByLabel('Per page').selectOption('1000');
  await page.getByText(`${(1000).toLocaleString('en')} shown of ${(1000).toLocaleString('en')} loaded`).waitFor({ timeout: 30_000 });
  const start = Date.now();
  await page.getByRole('button', { name: 'Load all pages' }).click();
  await page.getByText(`${fileCount.toLocaleString('en')} shown of ${fileCount.toLocaleString('en')} loaded`).waitFor({ timeout: 120_000 });
  const loadMs = Date.now() - start;

  // Main-thread cost of one step: the handler's state change, Preact's render
  // (queued as a microtask) and the style + layout it causes, forced here.
  const scroll = await page.evaluate(async (count) => {
    const list = document.querySelector('.vlist') as HTMLElement;
    const steps: number[] = [];
    for (let i = 1; i <= 200; i++) {
      steps.push(
        await new Promise<number>((resolve) => {
          list.addEventListener(
            'scroll',
            () => {
              const t0 = performance.now();
              queueMicrotask(() => {
                document.body.getBoundingClientRect();
                resolve(performance.now() - t0);
              });
            },
            { once: true },
          );
          list.scrollTop = ((i * 2531) % count) * 52;
        }),
      );
      await new Promise((r) => requestAnimationFrame(r));
    }
    return { steps, rows: document.querySelectorAll('ul[aria-label="Files"] > li').length };
  }, fileCount);

  const filterTimes = await page.evaluate(async (list) => {
    const input = document.querySelector('#files-search') as HTMLInputElement;
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const value = i % 2 === 0 ? list[i % 10].slice(0, 2 + (i % 4)) + (i % 4 === 0 ? ` part ${i}` : '') : '';
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      document.body.getBoundingClientRect();
      times.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(r));
    }
    return times;
  }, words);

  const scrollP95 = p95(scroll.steps);
  const filterP95 = p95(filterTimes);
  // Some rows and not all: a count of 0 would mean the list was not found, not that it is light.
  failed = !(scrollP95 < 16 && filterP95 < 50 && scroll.rows > 0 && scroll.rows < 40);
  console.log(`${fileCount} files in the Files tab (Chromium, built extension, host-sim)`);
  console.log(`loading all pages (10 × 1000): ${loadMs} ms`);
  console.log(`rows in the DOM: ${scroll.rows}`);
  console.log(`scroll jump (render + layout): p95 ${scrollP95.toFixed(2)} ms, max ${Math.max(...scroll.steps).toFixed(2)} ms over 200 jumps, budget 16 ms`);
  console.log(
    `typing a title filter (filter + render + layout): p95 ${filterP95.toFixed(2)} ms, max ${Math.max(...filterTimes).toFixed(2)} ms over 100 keystrokes, budget 50 ms`,
  );
  console.log(failed ? 'FAIL' : 'PASS');
} finally {
  await session.close();
  await sim.close();
}
if (failed) process.exitCode = 1;
