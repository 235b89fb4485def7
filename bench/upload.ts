// Uploads a 256 MiB file through the built extension in Chromium (manager
// page -> offscreen document -> XHR) and with curl to the same host-sim, three
// times each, and prints the median throughput ratio extension/curl and the
// browser's peak memory growth during the extension's uploads; then relays a
// 256 and a 512 MiB source (download into OPFS, upload) and prints their growth.
// Targets: ratio >= 0.9, memory growth < 100 MB (both). Run: npx tsx bench/upload.ts

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startHostSim } from '../tests/host-sim';
import { launchExtension } from '../tests/e2e/browser';
import { UploadPage } from '../tests/e2e/pages/UploadPage';
import { storedJobsIn } from '../tests/e2e/jobs-db';

const size = 256 * 1024 * 1024;
const runs = 5;
const key = 'bench-upload-key-01';
const exec = promisify(execFile);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mbps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);

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

/** The host keeps what it received on disk; drop it between runs so writeback does not slow the next one. */
async function clearReceived(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) if (name.startsWith('part-')) await rm(join(dir, name), { force: true });
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'vidrelay-bench-'));
  const sim = await startHostSim({ dataDir: join(work, 'host'), encodeMs: 60_000 });
  sim.addAccount({ hostId: 'media.cm', key, login: 'bench' });
  const profile = join(work, 'profile');
  const session = await launchExtension({ userDataDir: profile });
  try {
    const worker = await session.worker();
    await worker.evaluate(
      async ({ apiBase, k }) => {
        const account = { id: 'acc_bench', hostId: 'media.cm', label: 'Bench', apiBase, key: k, enabled: true, allowHttp: false, defaults: {}, createdAt: 1 };
        await chrome.storage.local.set({ accounts: { version: 1, data: [account] } });
      },
      { apiBase: sim.apiBase('media.cm'), k: key },
    );

    // curl: the same form to the same upload server.
    const viaCurl = async (path: string) => {
      const started = performance.now();
      await exec('curl', ['-sS', '-o', '/dev/null', '-F', `key=${key}`, '-F', `file=@${path};type=video/mp4`, `${sim.origin}/media.cm/upload/01`]);
      return mbps(size, performance.now() - started);
    };
    const extension: number[] = [];
    const curl: number[] = [];
    let peakGrowth = 0;
    const upload = await UploadPage.open(session);
    for (let run = 1; run <= runs; run++) {
      const path = join(work, `bench-${run}.mp4`);
      await writeFile(path, Buffer.alloc(size, run));

      // Alternate who goes first, so disk cache and writeback favour neither side.
      if (run % 2 === 0) curl.push(await viaCurl(path));
      // Extension: the job's own clock, from its send to the host's reply.
      const baseline = await browserRss(profile);
      let peak = baseline;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, await browserRss(profile));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      await upload.chooseFiles([path]);
      await upload.start();
      await upload.waitForState(`bench-${run}.mp4`, ['encoding', 'ready'], 300_000);
      sampling = false;
      await sampler;
      peakGrowth = Math.max(peakGrowth, peak - baseline);
      const job = (await storedJobsIn(worker)).find((j) => j.file?.name === `bench-${run}.mp4`)!;
      const timing = job.updatedAt - job.sentAt!;
      extension.push(mbps(size, timing));

      if (run % 2 === 1) curl.push(await viaCurl(path));
      await rm(path);
      await clearReceived(join(work, 'host'));
      console.log(`run ${run}: extension ${extension.at(-1)!.toFixed(0)} MiB/s, curl ${curl.at(-1)!.toFixed(0)} MiB/s, memory growth ${((peak - baseline) / 1024 / 1024).toFixed(0)} MB`);
    }
    // Relay: the offscreen document streams the source into the origin private file system, then uploads that file.
    // Two sizes: the growth must stay flat, not follow the size.
    let relayGrowth = 0;
    for (const relayMiB of [256, 512]) {
      const relayBase = await browserRss(profile);
      let relayPeak = relayBase;
      let relaySampling = true;
      const relaySampler = (async () => {
        while (relaySampling) {
          relayPeak = Math.max(relayPeak, await browserRss(profile));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const relayStarted = Date.now();
      await upload.page.getByLabel('Video URL to relay').fill(sim.videoUrl(`bench-relay-${relayMiB}`, relayMiB * 1024 * 1024));
      await upload.page.getByRole('button', { name: 'Check size' }).click();
      await upload.page.getByRole('button', { name: 'Confirm and relay' }).click();
      await upload.waitForState(`bench-relay-${relayMiB}.mp4`, ['encoding', 'ready'], 300_000);
      relaySampling = false;
      await relaySampler;
      relayGrowth = Math.max(relayGrowth, relayPeak - relayBase);
      console.log(
        `${relayMiB} MiB relay (download + upload): ${((Date.now() - relayStarted) / 1000).toFixed(1)} s, browser peak memory growth ${((relayPeak - relayBase) / 1024 / 1024).toFixed(0)} MB`,
      );
      await clearReceived(join(work, 'host'));
    }

    const ratio = median(extension) / median(curl);
    const growthMb = peakGrowth / 1024 / 1024;
    console.log(`256 MiB upload: extension median ${median(extension).toFixed(0)} MiB/s, curl median ${median(curl).toFixed(0)} MiB/s`);
    console.log(`throughput ratio extension/curl: ${ratio.toFixed(2)} (target >= 0.9)`);
    const relayMb = relayGrowth / 1024 / 1024;
    console.log(`browser peak memory growth: ${growthMb.toFixed(0)} MB upload, ${relayMb.toFixed(0)} MB relay (target < 100 MB)`);
    const pass = ratio >= 0.9 && growthMb < 100 && relayMb < 100;
    console.log(pass ? 'PASS' : 'FAIL');
    process.exitCode = pass ? 0 : 1;
  } finally {
    await session.close();
    await sim.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
