// A long history must not slow the queue or the pages:
// 1. bytes the job store writes for one job state change with 1,000 and
//    with 100,000 jobs stored (Node, fake-indexeddb, the real store code);
// 2. the popup's first render of its recent jobs with 100,000 in history
//    and 50,000 link-health results (its very first open, later opens, the
//    first open after the idle worker was stopped and after a browser
//    restart), History's first page and total, and a History search per
//    keystroke over them (built extension in Chromium, history seeded
//    straight into the job database); then the Upload tab's first open
//    after a browser start, its uploads among those 100,000 jobs, before
//    the search rows are built;
// 3. the step from database layout 2 to 3 at 100,000 jobs, run by the
//    background's own upgrade code (lib/queue/store/db.ts, reached through
//    the test build's hook).
// The popup's opens are measured in interleaved rounds (after a browser start,
// after the idle worker was stopped, a later open), History's first open once
// per round. Every target printed is checked; a miss exits 1.
// Run: npm run build:test && npx tsx bench/remote-history.ts

import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { IDBFactory } from 'fake-indexeddb';
import { createJobStore } from '../lib/queue/store';
import { jobRecordVersion } from '../lib/queue/store/db';
import type { RemoteJob } from '../lib/queue/model/job';
import { launchExtension } from '../tests/browsers/chromium';
import { seedHistory } from '../tests/browsers/jobs-db';
import { stopServiceWorker } from '../tests/browsers/chromium-worker';
import type { TestHooks } from '../lib/background/root/test-hooks';
import { median, Targets } from './support/targets';

const noLegacy = { read: async () => undefined, remove: async () => undefined };

function finished(i: number): RemoteJob {
  const code = `h${i.toString(36).padStart(8, '0')}`;
  return {
    id: `seed-${String(i).padStart(7, '0')}`,
    kind: 'remote',
    accountId: `acc_${i % 3}`,
    state: 'ready',
    url: `https://videos.example/clip-${i}.mp4`,
    title: `clip ${i}`,
    options: {},
    createdAt: 1_700_000_000_000 + i * 60_000,
    updatedAt: 1_700_000_000_000 + i * 60_000,
    attempts: 1,
    fileCode: code,
    links: { watch: `https://host.example/${code}` },
  };
}

async function bytesPerChange(history: number): Promise<{ bytes: number; ms: number; wholeRecord: number }> {
  globalThis.indexedDB = new IDBFactory();
  const seed = createJobStore({ legacy: noLegacy });
  await seed.ready();
  let wholeRecord = 0;
  for (let at = 0; at < history; at += 5_000) {
    const slice = Array.from({ length: Math.min(5_000, history - at) }, (_, n) => finished(at + n));
    for (const job of slice) wholeRecord += JSON.stringify(job).length + 3;
    await Promise.all(slice.map((job) => seed.put(job)));
  }
  const store = createJobStore({ legacy: noLegacy });
  // The same job in both runs, so any difference in bytes comes from the history alone.
  const live: RemoteJob = {
    ...finished(0),
    id: 'live-job',
    url: 'https://videos.example/live.mp4',
    title: 'live',
    state: 'queued',
    fileCode: undefined,
    links: undefined,
  };
  await store.put(live);
  const before = store.stats();
  const started = performance.now();
  const changes = 20;
  for (let i = 0; i < changes; i++) await store.update('live-job', (job) => ({ ...job, state: i % 2 ? 'queued' : 'sending', attempts: job.attempts + 1 }));
  const ms = (performance.now() - started) / changes;
  const after = store.stats();
  return { bytes: (after.bytes - before.bytes) / (after.records - before.records), ms, wholeRecord };
}

const targets = new Targets();
const small = await bytesPerChange(1_000);
const large = await bytesPerChange(100_000);
targets.check(
  `bytes written per job state change: ${small.bytes.toFixed(0)} with 1,000 jobs, ${large.bytes.toFixed(0)} with 100,000 (ratio ${(large.bytes / small.bytes).toFixed(2)}, target <= 1.05; the old single record rewrote ${(small.wholeRecord / 1024).toFixed(0)} KiB and ${(large.wholeRecord / 1024 / 1024).toFixed(1)} MiB)`,
  large.bytes / small.bytes <= 1.05,
);
console.log(`time per state change (fake-indexeddb): ${small.ms.toFixed(2)} ms with 1,000 jobs, ${large.ms.toFixed(2)} ms with 100,000`);

const history = 100_000;
// One profile for the whole run: the browser is restarted on it to measure a cold start.
const profile = await mkdtemp(join(tmpdir(), 'vidrelay-bench-history-'));
// Timed in the page itself, from the start of navigation: the frame that first holds a job row
// (the animation frame after the row is in the DOM), and for History the frame whose count reads "100,000 jobs".
// A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
const timing = `{
  const marks = {};
  globalThis.benchMarks = marks;
  const asked = new Set();
  const frame = (name) => {
    if (asked.has(name)) return;
    asked.add(name);
    requestAnimationFrame(() => (marks[name] = performance.now()));
  };
  const seen = new MutationObserver(() => {
    // The page's own first render (the app has drawn its shell): what comes before is the browser loading the page.
    if (!('shell' in marks) && document.getElementById('app')?.firstChild) {
      marks.shell = performance.now();
      // The frame after it, as for the rows: what the empty page is measured by.
      frame('painted');
    }
    if (document.querySelector('[data-job-id]')) frame('row');
    if (/\\b100,000 jobs/.test(document.querySelector('[data-field="history-count"]')?.textContent ?? '')) frame('count');
    if (asked.size === 3) seen.disconnect();
  });
  seen.observe(document, { subtree: true, childList: true, characterData: true });
}`;
const launch = async () => {
  const started = await launchExtension({ userDataDir: profile });
  await started.context.addInitScript({ content: timing });
  return started;
};
let session = await launch();
const marksOf = async (page: Page, name: string) => {
  await page.waitForFunction((name) => ((globalThis as { benchMarks?: Record<string, number> }).benchMarks?.[name] ?? -1) > 0, name, { timeout: 60_000 });
  return page.evaluate((name) => (globalThis as unknown as { benchMarks: Record<string, number> }).benchMarks[name]!, name);
};
/**
 * One open of the popup: `row` is its recent jobs on screen, from the start of navigation; `shell` the page's own
 * first render (before it is the browser loading the page, the same for any page); `wait` the part between,
 * which the jobs' answer takes: what the targets are about.
 */
interface Open {
  row: number;
  shell: number;
  wait: number;
}
const openPopup = async (): Promise<Open> => {
  const popup = await session.context.newPage();
  await popup.goto(session.url('popup.html'));
  const row = await marksOf(popup, 'row');
  const shell = await popup.evaluate(() => (globalThis as unknown as { benchMarks: Record<string, number> }).benchMarks.shell ?? 0);
  await popup.close();
  return { row, shell, wait: row - shell };
};
const ms = (n: number) => `${n.toFixed(0)} ms`;
const spread = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return `best ${ms(sorted[0]!)}, median ${ms(sorted[Math.floor(sorted.length / 2)]!)}, worst ${ms(sorted.at(-1)!)}`;
};
try {
  const worker = await session.worker();
  await worker.evaluate(async () =>
    chrome.storage.local.set({
      accounts: {
        version: 1,
        data: [0, 1, 2].map((i) => ({
          id: `acc_${i}`,
          hostId: 'media.cm',
          label: `Bench ${i}`,
          apiBase: 'http://127.0.0.1:9/api',
          key: `bench-key-${i}`,
          enabled: true,
          allowHttp: false,
          defaults: {},
          createdAt: 1,
        })),
      },
    }),
  );
  const seeding = Date.now();
  await seedHistory(worker, history, ['acc_0', 'acc_1', 'acc_2']);
  // A year of use also leaves link health's results: as many as it keeps (50,000, about 3 MB), where this
  // build keeps them (lib/background/health/store.ts).
  await worker.evaluate(async (count) => {
    const entries: Record<string, { status: string; checkedAt: number }> = {};
    for (let i = 0; i < count; i++)
      entries[`acc_${i % 3}:h${i.toString(36).padStart(8, '0')}`] = { status: i % 500 ? 'ok' : 'missing', checkedAt: 1_700_000_000_000 + i };
    const record = { version: 1, data: { checkedAt: 1_700_000_000_000, entries, unseen: 0 } };
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('vidrelay-health', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('records');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('records', 'readwrite');
        tx.objectStore('records').put(record, 'linkHealth');
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, 50_000);
  console.log(`seeded ${history.toLocaleString('en')} jobs and 50,000 link-health results in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);

  // The popup's very first open (its files never loaded before).
  const firstEver = await openPopup();
  // The history was seeded past the job store, so the stored copy of the newest jobs (which the store
  // keeps current on every change) has not seen it: one browser start lets the new worker write it.
  await session.close();
  session = await launch();
  const settledWorker = await session.worker();
  await settledWorker.evaluate(async () => {
    for (let i = 0; i < 600; i++) {
      const { recentJobs } = (await chrome.storage.local.get('recentJobs')) as { recentJobs?: { data?: { jobs?: unknown[] } } };
      if ((recentJobs?.data?.jobs?.length ?? 0) >= 10) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the copy of the newest jobs was never written');
  });
  // Rounds of the opens, interleaved: a fresh browser start on the same profile (a new worker opens the
  // database, then the popup opens); a later open; the usual cold open, once the browser has been running and
  // the worker was stopped for being idle (as Chrome does after 30 s), so the popup's request starts a new
  // worker, which has to open the database again; then History's first open in that worker (nothing has asked
  // for the search rows yet).
  const cold: Open[] = [];
  const warm: Open[] = [];
  const stopped: Open[] = [];
  const historyOpens: Open[] = [];
  let manager!: Page;
  // An empty extension page (the test build's blank.html), first opened after a browser start of its own,
  // in each round before or after the popup's (in turns): what the browser itself takes to show any extension page.
  // Each start here is an install for Chromium (an unpacked build given on the command line), which opens no
  // welcome page since accounts are stored (lib/background/root/first-run.ts): both pages start alone.
  const blankOpens: number[] = [];
  const openBlank = async () => {
    await session.close();
    session = await launch();
    const page = await session.context.newPage();
    await page.goto(session.url('blank.html'));
    blankOpens.push(await marksOf(page, 'painted'));
    await page.close();
  };
  // Nine rounds, the last with the blank page first: History's page of the last round stays open for the searches below.
  for (let i = 0; i < 9; i++) {
    if (i % 2 === 0) await openBlank();
    await session.close();
    session = await launch();
    cold.push(await openPopup());
    warm.push(await openPopup());
    const blank = await session.context.newPage();
    await stopServiceWorker(session, blank);
    stopped.push(await openPopup());
    await blank.close();
    await manager?.close();
    manager = await session.context.newPage();
    await manager.goto(session.url('manager.html#history'));
    const row = Math.max(await marksOf(manager, 'row'), await marksOf(manager, 'count'));
    const shell = await manager.evaluate(() => (globalThis as unknown as { benchMarks: Record<string, number> }).benchMarks.shell ?? 0);
    historyOpens.push({ row, shell, wait: row - shell });
    if (i % 2 === 1) await openBlank();
  }
  const rows = (list: Open[]) => list.map((o) => o.row);
  const waits = (list: Open[]) => list.map((o) => o.wait);
  console.log(
    `popup first render of recent jobs with ${history.toLocaleString('en')} in history, from the start of navigation: first open after a browser start ${spread(rows(cold))} (the page's own first render at ${cold.map((o) => ms(o.shell)).join(', ')}); ` +
      `first open after the idle worker was stopped ${spread(rows(stopped))}; first open after seeding ${ms(firstEver.row)}; later opens ${spread(rows(warm))}`,
  );
  const coldGap = median(rows(cold)) - median(blankOpens);
  targets.check(
    `popup, first open after a browser start: recent jobs on screen ${spread(rows(cold))} from the start of navigation; an empty extension page after a browser start (same run, interleaved) ${spread(blankOpens)}; difference of medians ${ms(coldGap)} (target <= 50 ms)`,
    coldGap <= 50,
  );
  targets.check(
    `popup, later opens (worker warm): recent jobs on screen ${spread(rows(warm))} from the start of navigation (target: median < 150 ms)`,
    median(rows(warm)) < 150,
  );
  for (const [name, list] of [
    ['after a browser start', cold],
    ['after the idle worker was stopped', stopped],
    ['later opens', warm],
  ] as const) {
    targets.check(
      `popup, ${name}: from the page's own first render to the recent jobs on screen ${spread(waits(list))} (target: median < 150 ms)`,
      median(waits(list)) < 150,
    );
  }
  // The rows are built behind the first page: the first search waits for them.
  const searchReady = await manager.evaluate(async () => {
    const reply = await chrome.runtime.sendMessage({ vidrelay: 1, type: 'jobs.page', payload: { text: 'holiday', limit: 50 } });
    if (!reply?.ok) throw new Error(JSON.stringify(reply));
    return performance.now();
  });
  console.log(
    `History first open with ${history.toLocaleString('en')} jobs, first page and "100,000 jobs" on screen from the start of navigation: ${spread(rows(historyOpens))}; search rows built for the first search ${ms(searchReady)} after navigation (last round)`,
  );
  targets.check(
    `History first open: from the page's own first render to the first page and "100,000 jobs" on screen ${spread(waits(historyOpens))} (target: median < 300 ms)`,
    median(waits(historyOpens)) < 300,
  );
  const typed = 'holiday 12';
  const times = await manager.evaluate(async (text) => {
    const out: number[] = [];
    for (let n = 1; n <= text.length; n++) {
      const started = performance.now();
      const reply = await chrome.runtime.sendMessage({ vidrelay: 1, type: 'jobs.page', payload: { text: text.slice(0, n), limit: 50 } });
      if (!reply?.ok) throw new Error(JSON.stringify(reply));
      out.push(performance.now() - started);
    }
    return out;
  }, typed);
  // And one keystroke through the page itself: input event to the count on screen.
  const ui = await manager.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('#history-search')!;
    const count = document.querySelector('[data-field="history-count"]')!;
    const before = count.textContent;
    const started = performance.now();
    input.value = 'concert 99';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // The label switches to "N of M jobs" at once; the keystroke is done when N, the answer, is shown.
    while (count.textContent === before || /^100,000 of/.test(count.textContent ?? '')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.now() - started;
  });
  targets.check(
    `History search over ${history.toLocaleString('en')} jobs per keystroke ("${typed}"): median ${median(times).toFixed(1)} ms (target < 50 ms), worst ${Math.max(...times).toFixed(1)} ms; one keystroke in the page to its count on screen: ${ui.toFixed(0)} ms`,
    median(times) < 50,
  );

  // The Upload tab lists file uploads, relays and mirrors: some are put among the remote jobs (after the
  // figures above, which stay those of 100,000 jobs), spread over the same months, each a finished job.
  const uploads = 600;
  await (await session.worker()).evaluate(
    async ({ uploads, history, v }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('vidrelay-jobs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => resolve(open.result);
      });
      // Past the extension's writer: its kept counts go (counted again when next asked for).
      const tx = db.transaction(['jobs', 'meta'], 'readwrite');
      tx.objectStore('meta').delete('rowCounts');
      const jobs = tx.objectStore('jobs');
      const base = Date.UTC(2026, 0, 1);
      // No named functions inside: tsx wraps those in a helper the worker does not have.
      for (let i = 0; i < uploads; i++) {
        const at = base + Math.floor(((i + 0.5) * history) / uploads) * 60_000 + 30_000;
        const file = { name: `upload-${i}.mp4`, size: 50_000_000, type: 'video/mp4', lastModified: at };
        const sent = { file, bytesTotal: file.size, bytesSent: file.size, title: file.name };
        const records =
          i % 6 === 0
            ? [0, 1].map((index) => ({
                id: `upm-${i}-${index}`,
                kind: 'file',
                ...sent,
                createdAt: at + index,
                group: { id: `upm-${i}`, index },
                accountId: `acc_${index}`,
              }))
            : i % 3 === 1
              ? [{ id: `upr-${i}`, kind: 'relay', url: `https://videos.example/relay-${i}.mp4`, title: `relay ${i}`, createdAt: at, accountId: 'acc_1' }]
              : [{ id: `upf-${i}`, kind: 'file', ...sent, createdAt: at, accountId: 'acc_2' }];
        for (const record of records) {
          jobs.put({
            v,
            ...record,
            state: 'ready',
            options: {},
            attempts: 1,
            updatedAt: at + 60_000,
            fileCode: `u${record.id}`,
            links: { watch: `https://host.example/u${record.id}` },
          });
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { uploads, history, v: jobRecordVersion },
  );
  // Written past the extension's writer, the uploads dropped the counts it keeps: the first open after them
  // counts the 100,000 records once from the indexes (as the first start of a build that keeps counts does).
  // That open is reported on its own; the rounds after it are the everyday case.
  await session.close();
  session = await launch();
  const recount = await session.context.newPage();
  await recount.goto(session.url('manager.html#upload'));
  const recounted = await marksOf(recount, 'row');
  await recount.close();
  console.log(
    `Upload tab, first open after the uploads were written past the extension (History's counts taken from the indexes once): first upload row ${ms(recounted)} after navigation`,
  );
  // A fresh browser start: nothing has asked for the search rows yet.
  const uploadOpens: number[] = [];
  const uploadWaits: number[] = [];
  let rowsReady = 0;
  for (let i = 0; i < 5; i++) {
    await session.close();
    session = await launch();
    const tab = await session.context.newPage();
    await tab.goto(session.url('manager.html#upload'));
    const row = await marksOf(tab, 'row');
    uploadOpens.push(row);
    uploadWaits.push(row - (await tab.evaluate(() => (globalThis as unknown as { benchMarks: Record<string, number> }).benchMarks.shell ?? 0)));
    // The search rows, built behind the first answer: what the tab's first list waited for before.
    rowsReady = await tab.evaluate(async () => {
      const reply = await chrome.runtime.sendMessage({ vidrelay: 1, type: 'jobs.page', payload: { text: 'holiday', limit: 1 } });
      if (!reply?.ok) throw new Error(JSON.stringify(reply));
      return performance.now();
    });
    await tab.close();
  }
  console.log(
    `Upload tab first open after a browser start, ${history.toLocaleString('en')} jobs in history (${uploads} uploads, relays and mirrors among them): first upload row on screen ${uploadOpens.map(ms).join(', ')} ` +
      `after navigation (of which from the page's first render ${uploadWaits.map(ms).join(', ')}); the search rows it no longer waits for were ready ${ms(rowsReady)} after navigation (last open)`,
  );
  targets.check(
    `Upload tab first open after a browser start: from the page's own first render to the first upload row on screen ${spread(uploadWaits)} (target: median < 300 ms)`,
    median(uploadWaits) < 300,
  );

  // The step from database layout 2 to 3 adds the two kind indexes over every stored record, once, at the first
  // start of a build with layout 3. A database of its own is left as layout 2 made it (its layout written out,
  // never derived from today's code), holding 100,000 jobs; then the background's own upgrade code opens it.
  const scratchName = 'bench-layout-upgrade';
  const scratch = await session.context.newPage();
  await scratch.goto(session.url('manager.html#options'));
  await scratch.evaluate(`(async () => {
    const name = ${JSON.stringify(scratchName)};
    const done = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
    await done(indexedDB.deleteDatabase(name));
    const opening = indexedDB.open(name, 2);
    opening.onupgradeneeded = () => {
      const jobs = opening.result.createObjectStore('jobs', { keyPath: 'id' });
      jobs.createIndex('created', ['createdAt', 'id']);
      jobs.createIndex('stateCreated', ['state', 'createdAt', 'id']);
      jobs.createIndex('accountCreated', ['accountId', 'createdAt', 'id']);
      jobs.createIndex('accountCode', ['accountId', 'fileCode']);
      jobs.createIndex('group', 'group.id');
      opening.result.createObjectStore('unreadable', { keyPath: 'key' });
      opening.result.createObjectStore('meta', { keyPath: 'key' });
    };
    const old = await done(opening);
    for (let at = 0; at < ${history}; ) {
      const tx = old.transaction('jobs', 'readwrite');
      for (const end = Math.min(${history}, at + 10000); at < end; at++) {
        const code = 'h' + at.toString(36);
        tx.objectStore('jobs').put({ v: 4, id: 'seed-' + String(at).padStart(7, '0'), kind: 'remote', accountId: 'acc_' + (at % 3), state: 'ready', url: 'https://videos.example/clip-' + at + '.mp4', title: 'clip ' + at, options: {}, createdAt: 1.7e12 + at * 60000, updatedAt: 1.7e12 + at * 60000, attempts: 1, fileCode: code, links: { watch: 'https://host.example/' + code } });
      }
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    }
    old.close();
  })()`);
  const upgraded = await (await session.worker()).evaluate((name) => (globalThis as unknown as { vidrelay: TestHooks }).vidrelay.openJobsDb(name), scratchName);
  await scratch.evaluate((name) => new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve)), scratchName);
  await scratch.close();
  // Not a time target: that the upgrade timed is the real one, which leaves layout 3's indexes.
  targets.check(
    `database layout 2 to 3 by the background's upgrade (lib/queue/store/db.ts) with ${history.toLocaleString('en')} jobs: ${ms(upgraded.ms)}; left version ${upgraded.version} with ${upgraded.indexes.join(', ')} (target: version 3 with kindCreated and memberCreated)`,
    upgraded.version === 3 && upgraded.indexes.includes('kindCreated') && upgraded.indexes.includes('memberCreated'),
  );
  targets.finish();
} finally {
  await session.close();
  await rm(profile, { recursive: true, force: true });
}
