// A stream relay of 200 segments (1 MiB each, MPEG-TS) from the host
// simulator, against what curl does by hand: download the same 200 segments
// (one curl, one connection, in order), then upload the joined file to the
// same simulated host. Rounds alternate (curl first, then the extension, the
// order turning each round); each way is timed from its first request to the
// host having stored the file. Prints the median ratio extension/curl and the
// browser's peak memory growth during the extension's relays, then relays a
// stream twice as long once more: flat memory (segments go to the OPFS spool,
// never all into memory) grows no more with it.
// Targets: extension/curl time <= 2.0, memory growth < 100 MB for both lengths.
// Run: npm run build:test && npx tsx bench/stream-relay.ts

import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startHostSim } from '../tests/host-sim';
import type { HlsSpec } from '../tests/host-sim/hls';
import { launchExtension } from '../tests/browsers/chromium';
import { accountEntriesSeed, seededAccount } from '../tests/browsers/stored-accounts';
import type { TestHooks } from '../lib/background/root/test-hooks';
import { sampleGrowth } from './support/browser-process';
import { median, Targets } from './support/targets';

const exec = promisify(execFile);
const rounds = 3;
const key = 'bench-stream-key-01';
const spec: HlsSpec = { kind: 'ts', segments: 200, bytes: 188 * 5577 };
const streamBytes = spec.segments * spec.bytes;
const targets = { ratio: 2.0, growthBytes: 100 * 1024 * 1024 };
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function until(ok: () => boolean, timeoutMs: number): Promise<void> {
  for (const started = Date.now(); !ok(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() - started > timeoutMs) throw new Error(`not done within ${timeoutMs} ms`);
  }
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'vidrelay-bench-stream-'));
  const sim = await startHostSim({ dataDir: join(work, 'host'), encodeMs: 60_000 });
  sim.addAccount({ hostId: 'media.cm', key, login: 'bench' });
  const profile = join(work, 'profile');
  const session = await launchExtension({ userDataDir: profile });
  const check = new Targets();
  try {
    const account = seededAccount(sim, 'acc_bench', 'media.cm', 'Bench', key, { defaults: {}, createdAt: 1 });
    await (await session.worker()).evaluate((seed) => chrome.storage.local.set(seed), accountEntriesSeed([account]));
    const segmentUrls = Array.from({ length: spec.segments }, (_, i) => sim.hlsUrl(spec, `seg${i}.ts`));
    const landed = (name: string, bytes = streamBytes) => sim.uploads.some((u) => u.name === name && u.size === bytes);

    const viaCurl = async (round: number) => {
      const name = `curl-${round}.ts`;
      const joined = join(work, name);
      const started = Date.now();
      // One curl, one connection, the segments in order; then joined on disk and uploaded as one file.
      const parts = segmentUrls.flatMap((url, i) => ['-o', join(work, `part-${i}.ts`), url]);
      await exec('curl', ['-sS', '--fail', ...parts], { maxBuffer: 1024 * 1024 });
      const out = createWriteStream(joined);
      for (let i = 0; i < spec.segments; i++) if (!out.write(await readFile(join(work, `part-${i}.ts`)))) await once(out, 'drain');
      await new Promise<void>((resolve) => out.end(resolve));
      await exec('curl', [
        '-sS',
        '-o',
        '/dev/null',
        '-F',
        `key=${key}`,
        '-F',
        `file=@${joined};type=video/mp2t;filename=${name}`,
        `${sim.origin}/media.cm/upload/01`,
      ]);
      const ms = Date.now() - started;
      if (!landed(name)) throw new Error(`curl's upload of ${name} did not land whole`);
      for (let i = 0; i < spec.segments; i++) await rm(join(work, `part-${i}.ts`), { force: true });
      await rm(joined, { force: true });
      return ms;
    };

    let growth = 0;
    let longGrowth = 0;
    const viaExtension = async (round: number, stream = spec) => {
      const title = `relay-${round}`;
      const bytes = stream.segments * stream.bytes;
      const sampler = sampleGrowth(profile);
      const started = Date.now();
      const worker = await session.worker();
      await worker.evaluate(
        ({ url, title, bytes }) => (globalThis as unknown as { vidrelay: TestHooks }).vidrelay.relayStream('acc_bench', url, { title, bytesTotal: bytes }),
        { url: sim.hlsUrl(stream), title, bytes },
      );
      await until(() => landed(`${title}.ts`, bytes), 600_000);
      const ms = Date.now() - started;
      if (stream === spec) growth = Math.max(growth, await sampler.stop());
      else longGrowth = await sampler.stop();
      return ms;
    };

    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const first = round % 2 === 0;
      const curlMs = first ? await viaCurl(round) : 0;
      const extensionMs = await viaExtension(round);
      const curl = first ? curlMs : await viaCurl(round);
      ratios.push(extensionMs / curl);
      console.log(`round ${round + 1}: extension ${(extensionMs / 1000).toFixed(2)} s, curl download + upload ${(curl / 1000).toFixed(2)} s`);
    }
    const ratio = median(ratios);
    check.check(
      `stream relay (${spec.segments} segments, ${mb(streamBytes)} MB) time extension/curl: ${ratio.toFixed(2)} (median of ${rounds} rounds, target <= ${targets.ratio})`,
      ratio <= targets.ratio,
    );
    const long = { ...spec, segments: spec.segments * 2 };
    const longMs = await viaExtension(rounds, long);
    console.log(`${long.segments} segments (${mb(long.segments * long.bytes)} MB): extension ${(longMs / 1000).toFixed(2)} s`);
    check.check(
      `browser peak memory growth: ${mb(growth)} MB relaying ${mb(streamBytes)} MB, ${mb(longGrowth)} MB relaying ${mb(long.segments * long.bytes)} MB (target < ${mb(targets.growthBytes)} MB both)`,
      growth < targets.growthBytes && longGrowth < targets.growthBytes,
    );
  } finally {
    await session.close();
    await sim.close();
    await rm(work, { recursive: true, force: true });
  }
  check.finish();
}

await main();
