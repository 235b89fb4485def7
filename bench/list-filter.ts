// Filters 10,000 synthetic files 200 times with varied queries and checks the
// per-filter time against the 50 ms budget. Run: npx tsx bench/list-filter.ts
// Exits 1 on FAIL so CI can use it.

import { performance } from 'node:perf_hooks';
import type { FileStatus, RemoteFile } from '../lib/hosts/types';
import { filterFiles, type FileQuery } from '../lib/links/filter';

const fileCount = 10_000;
const runs = 200;
const budgetMs = 50;

const words = ['holiday', 'Beach', 'concert', 'tutorial', 'GAME', 'review', 'trailer', 'vlog', 'cat', 'recipe'];
const statuses: FileStatus[] = ['ready', 'encoding', 'queued', 'failed', 'missing'];

// Deterministic pseudo-random numbers so every run measures the same work.
let seed = 42;
function next(limit: number): number {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return (seed >>> 16) % limit;
}

function syntheticFile(i: number): RemoteFile {
  return {
    fileCode: `f${i.toString(36).padStart(8, '0')}`,
    title: `${words[next(words.length)]} ${words[next(words.length)]} part ${i}`,
    status: statuses[next(statuses.length)],
    public: next(2) === 0,
    folderId: String(next(20)),
    tags: `${words[next(words.length)]},${words[next(words.length)]}`,
    size: next(4_000_000_000),
    length: next(7200),
  };
}

function syntheticQuery(i: number): FileQuery {
  const query: FileQuery = {};
  if (i % 2 === 0) query.text = words[next(words.length)].slice(0, 2 + next(5));
  if (i % 5 === 0) query.text = `${words[next(words.length)]} part ${next(100)}`;
  if (i % 3 === 0) query.status = statuses[next(statuses.length)];
  if (i % 4 === 0) query.public = next(2) === 0;
  if (i % 7 === 0) query.folderId = String(next(20));
  return query;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const files = Array.from({ length: fileCount }, (_, i) => syntheticFile(i));
const times: number[] = [];
let matched = 0;
for (let i = 0; i < runs; i++) {
  const query = syntheticQuery(i);
  const start = performance.now();
  matched += filterFiles(files, query).length;
  times.push(performance.now() - start);
}

const first = times[0];
times.sort((a, b) => a - b);
const median = percentile(times, 50);
const p95 = percentile(times, 95);
const pass = p95 < budgetMs;
console.log(`${fileCount} files, ${runs} filters, ${matched} matches in total`);
console.log(`first filter (builds the cache): ${first.toFixed(2)} ms`);
console.log(`filter of ${fileCount} files: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (target < ${budgetMs} ms)`);
console.log(pass ? 'PASS' : 'FAIL');
if (!pass) process.exitCode = 1;
