// Uploads a 256 MiB file to the same host-sim upload URL three ways, interleaved
// round by round (5 rounds, the order rotating so disk cache and writeback favour
// no one): curl, a bare XHR from a plain web page in the same Chromium, and the
// extension's uploader (manager page -> offscreen document -> XHR). Every upload
// is timed by host-sim itself (first to last body byte), one clock for all three.
// Prints the median of each round's ratios extension/bare-browser and
// extension/curl, the browser's CPU per upload, and its peak memory growth during
// the extension's uploads; then relays a 256 and a 512 MiB source (download into
// OPFS, upload) and prints their growth. Targets: extension/bare-browser >= 0.97,
// extension/curl >= 0.9, browser CPU per upload extension/bare-browser <= 1.2
// (median of rounds and ratio of medians; split by kind of browser process),
// memory growth < 100 MB.
// Run: npm run build:test && npx tsx bench/upload.ts

import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { startHostSim, type HostSim } from '../tests/host-sim';
import { launchExtension } from '../tests/browsers/chromium';
import { UploadPage } from '../tests/e2e/shared/pages/UploadPage';
import { accountEntriesSeed } from '../tests/browsers/stored-accounts';
import { browserCpuByKind, sampleGrowth } from './support/browser-process';

const size = 256 * 1024 * 1024;
const rounds = 5;
const key = 'bench-upload-key-01';
const exec = promisify(execFile);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mbps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** The host keeps what it received on disk; drop it between uploads so writeback does not slow the next one. */
async function clearReceived(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) if (name.startsWith('part-')) await rm(join(dir, name), { force: true });
}

/** A plain web page on its own loopback origin: one file input, nothing else. */
async function startPlainPage(): Promise<{ origin: string; close(): Promise<void> }> {
  const html = '<!DOCTYPE html><title>bare upload</title><input type="file" aria-label="Choose file">';
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The time host-sim took to receive the upload of this file name (its own clock). */
function receiveMs(sim: HostSim, name: string): number {
  const record = sim.uploads.findLast((u) => u.name === name);
  if (!record?.receiveMs) throw new Error(`host-sim has no timed upload of ${name}`);
  if (record.size !== size) throw new Error(`host-sim received ${record.size} bytes of ${name}, not ${size}`);
  return record.receiveMs;
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'vidrelay-bench-'));
  const plain = await startPlainPage();
  const sim = await startHostSim({ dataDir: join(work, 'host'), encodeMs: 60_000, uploadCorsOrigin: plain.origin });
  sim.addAccount({ hostId: 'media.cm', key, login: 'bench' });
  const uploadUrl = `${sim.origin}/media.cm/upload/01`;
  const profile = join(work, 'profile');
  const session = await launchExtension({ userDataDir: profile });
  try {
    const worker = await session.worker();
    const account = {
      id: 'acc_bench',
      hostId: 'media.cm',
      label: 'Bench',
      apiBase: sim.apiBase('media.cm'),
      key,
      enabled: true,
      allowHttp: false,
      defaults: {},
      createdAt: 1,
    };
    await worker.evaluate(async (seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
    const upload = await UploadPage.open(session);
    const bare: Page = await session.context.newPage();
    await bare.goto(plain.origin);

    const viaCurl = async (path: string, name: string) => {
      await exec('curl', ['-sS', '-o', '/dev/null', '-F', `key=${key}`, '-F', `file=@${path};type=video/mp4;filename=${name}`, uploadUrl]);
      return receiveMs(sim, name);
    };
    // The same form a page would send, with a progress listener as any upload page has.
    const viaBarePage = async (path: string, name: string) => {
      await bare.bringToFront();
      await bare.getByLabel('Choose file').setInputFiles(path);
      const status = await bare.evaluate(
        ({ url, k, fileName }) =>
          new Promise<number>((resolve, reject) => {
            const file = (document.querySelector('input[type=file]') as HTMLInputElement).files![0]!;
            const form = new FormData();
            form.append('key', k);
            form.append('file', file, fileName);
            const xhr = new XMLHttpRequest();
            let sent = 0;
            xhr.upload.onprogress = (e) => (sent = e.loaded);
            xhr.onload = () => (sent > 0 ? resolve(xhr.status) : reject(new Error('bare XHR saw no upload progress')));
            xhr.onerror = () => reject(new Error('bare XHR failed (CORS or network)'));
            xhr.open('POST', url);
            xhr.send(form);
          }),
        { url: uploadUrl, k: key, fileName: name },
      );
      if (status !== 200) throw new Error(`bare XHR got ${status}`);
      return receiveMs(sim, name);
    };
    // The manager names the upload after the chosen file.
    const viaExtension = async (path: string) => {
      const name = basename(path);
      await upload.page.bringToFront();
      await upload.chooseFiles([path]);
      await upload.start();
      // Waited for in the page by a MutationObserver, as the bare page waits for its XHR: a Playwright locator
      // would query the page on every animation frame for the whole upload, CPU the bench would charge to the extension.
      // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
      await upload.page.evaluate(`new Promise((resolve, reject) => {
        const name = ${JSON.stringify(name)};
        const done = () => [...document.querySelectorAll('li[data-job-id][data-state="encoding"], li[data-job-id][data-state="ready"]')].some((row) => row.textContent.includes(name));
        if (done()) return resolve();
        const timer = setTimeout(() => reject(new Error(name + ' did not finish uploading')), 300000);
        const seen = new MutationObserver(() => {
          if (!done()) return;
          seen.disconnect();
          clearTimeout(timer);
          resolve();
        });
        seen.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
      })`);
      return receiveMs(sim, name);
    };

    const ways = { curl: viaCurl, bare: viaBarePage, extension: viaExtension };
    const order = Object.keys(ways) as (keyof typeof ways)[];
    const times: Record<keyof typeof ways, number[]> = { curl: [], bare: [], extension: [] };
    const cpu: Record<keyof typeof ways, number[]> = { curl: [], bare: [], extension: [] };
    const growth: Record<keyof typeof ways, number> = { curl: 0, bare: 0, extension: 0 };
    const cpuByKind: Record<keyof typeof ways, Record<string, number[]>> = { curl: {}, bare: {}, extension: {} };
    for (let round = 1; round <= rounds; round++) {
      const path = join(work, `bench-${round}.mp4`);
      await writeFile(path, Buffer.alloc(size, round));
      const turn = [...order.slice(round % 3), ...order.slice(0, round % 3)];
      for (const way of turn) {
        // The sampler shares this process with host-sim: it runs for every way alike.
        const sampler = sampleGrowth(profile);
        const cpuBefore = await browserCpuByKind(profile);
        times[way].push(await ways[way](path, `bench-${round}-${way}.mp4`));
        const cpuAfter = await browserCpuByKind(profile);
        let used = 0;
        for (const [kind, seconds] of cpuAfter) {
          // A process that ended meanwhile (an offscreen document closed) takes its CPU with it: not counted either way.
          const spent = seconds - (cpuBefore.get(kind) ?? 0);
          used += spent;
          cpuByKind[way][kind] = [...(cpuByKind[way][kind] ?? []), spent];
        }
        cpu[way].push(used);
        growth[way] = Math.max(growth[way], await sampler.stop());
        await clearReceived(join(work, 'host'));
      }
      await rm(path);
      const speed = (way: keyof typeof ways) => `${way} ${mbps(size, times[way].at(-1)!).toFixed(0)} MiB/s`;
      console.log(`round ${round} (${turn.join(', ')}): ${order.map(speed).join(', ')}`);
    }

    // Relay: the offscreen document streams the source into the origin private file system, then uploads that file.
    // Two sizes: the growth must stay flat, not follow the size.
    let relayGrowth = 0;
    for (const relayMiB of [256, 512]) {
      const growth = sampleGrowth(profile);
      const relayStarted = Date.now();
      await upload.page.getByLabel('Video URL to relay').fill(sim.videoUrl(`bench-relay-${relayMiB}`, relayMiB * 1024 * 1024));
      await upload.page.getByRole('button', { name: 'Check size' }).click();
      await upload.page.getByRole('button', { name: 'Confirm and relay' }).click();
      await upload.waitForState(`bench-relay-${relayMiB}.mp4`, ['encoding', 'ready'], 300_000);
      const grew = await growth.stop();
      relayGrowth = Math.max(relayGrowth, grew);
      console.log(`${relayMiB} MiB relay (download + upload): ${((Date.now() - relayStarted) / 1000).toFixed(1)} s, browser peak memory growth ${mb(grew)} MB`);
      await clearReceived(join(work, 'host'));
    }

    // Each round's three uploads ran back to back, so its ratios share one load level: their median is the figure.
    // Throughput is size over time, so a ratio of speeds is the inverse ratio of times.
    const ratio = (a: keyof typeof ways, b: keyof typeof ways) => median(times[a].map((ms, i) => times[b][i]! / ms));
    const toBare = ratio('extension', 'bare');
    const toCurl = ratio('extension', 'curl');
    const speed = (way: keyof typeof ways) => mbps(size, median(times[way])).toFixed(0);
    console.log(`256 MiB upload medians: extension ${speed('extension')} MiB/s, bare page ${speed('bare')} MiB/s, curl ${speed('curl')} MiB/s`);
    const kinds = (way: keyof typeof ways) =>
      Object.entries(cpuByKind[way])
        .map(([kind, list]) => [kind, median(list)] as const)
        .filter(([, seconds]) => seconds >= 0.005)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, seconds]) => `${kind} ${seconds.toFixed(2)}`)
        .join(', ');
    console.log(
      `browser CPU per upload (median): extension ${median(cpu.extension).toFixed(2)} s (${kinds('extension')}), bare page ${median(cpu.bare).toFixed(2)} s (${kinds('bare')})`,
    );
    // Both ways of putting it: each round's own ratio (one load level), and the medians' ratio.
    const cpuRounds = median(cpu.extension.map((seconds, i) => seconds / cpu.bare[i]!));
    const cpuMedians = median(cpu.extension) / median(cpu.bare);
    const cpuOk = cpuRounds <= 1.2 && cpuMedians <= 1.2;
    console.log(
      `${cpuOk ? 'ok  ' : 'MISS'} browser CPU per upload extension/bare-browser: ${cpuRounds.toFixed(2)} (median of rounds), ${cpuMedians.toFixed(2)} (ratio of medians) (target <= 1.2 both)`,
    );
    const toBareMedians = median(times.bare) / median(times.extension);
    console.log(
      `throughput ratio extension/bare-browser: ${toBare.toFixed(2)} (median of rounds, target >= 0.97), ${toBareMedians.toFixed(2)} (ratio of medians)`,
    );
    console.log(
      `throughput ratio extension/curl: ${toCurl.toFixed(2)} (median of rounds, target >= 0.9; the browser's own: bare-browser/curl ${ratio('bare', 'curl').toFixed(2)})`,
    );
    console.log(
      `browser peak memory growth: ${mb(growth.extension)} MB upload (bare page ${mb(growth.bare)} MB), ${mb(relayGrowth)} MB relay (target < 100 MB)`,
    );
    const pass = cpuOk && toBare >= 0.97 && toCurl >= 0.9 && growth.extension < 100 * 1024 * 1024 && relayGrowth < 100 * 1024 * 1024;
    console.log(pass ? 'PASS' : 'FAIL');
    process.exitCode = pass ? 0 : 1;
  } finally {
    await session.close();
    await sim.close();
    await plain.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
