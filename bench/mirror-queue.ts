// Time to queue 50 picked files to 3 accounts (one mirror per file, 150
// uploads) from the Upload tab: from pressing "Start upload" until the
// pending list is gone, i.e. every job is stored and its File handed to the
// uploader. Built extension in Chromium, host-sim behind it. Three rounds,
// median printed. Run: npx tsx bench/mirror-queue.ts (after npm run build:test)

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostId } from '../lib/hosts/types';
import { startHostSim } from '../tests/host-sim';
import { launchExtension } from '../tests/browsers/chromium';
import { UploadPage } from '../tests/e2e/shared/pages/UploadPage';
import { accountEntriesSeed, seededAccount } from '../tests/browsers/stored-accounts';

const files = 50;
const hosts: HostId[] = ['media.cm', 'vipstream.cc', 'watching.vn'];
const rounds = 3;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vidrelay-bench-mirror-'));
  // Uploads themselves are held back (slow host), so the figure is the queueing alone.
  const sim = await startHostSim({ encodeMs: 600_000 });
  const session = await launchExtension();
  try {
    const accounts = hosts.map((hostId, i) => {
      const key = `bench-mirror-key-${i}`;
      sim.addAccount({ hostId, key });
      return seededAccount(sim, `acc_${i}`, hostId, `Bench ${hostId}`, key, { createdAt: 1 });
    });
    const worker = await session.worker();
    await worker.evaluate(async (seed) => chrome.storage.local.set(seed), accountEntriesSeed(accounts));
    sim.fault({ kind: 'slow', delayMs: 60_000 });
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const paths: string[] = [];
      for (let i = 0; i < files; i++) {
        const path = join(dir, `r${round}-episode-${i}.mp4`);
        await writeFile(path, Buffer.alloc(64 * 1024, i));
        paths.push(path);
      }
      const upload = await UploadPage.open(session);
      await upload.chooseTargets(accounts.map((a) => a.label));
      await upload.chooseFiles(paths);
      const started = performance.now();
      await upload.start();
      times.push(performance.now() - started);
      await upload.page.close();
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
    console.log(`rounds: ${times.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
    console.log(`queue ${files} files to ${hosts.length} accounts (${files * hosts.length} uploads): median ${median.toFixed(0)} ms`);
  } finally {
    await session.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
