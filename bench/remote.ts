// 200 remote-upload URLs across 3 accounts (3 hosts) through the built
// extension in Chromium, against host-sim answering every API call after a
// fixed latency. Prints the time until every job was accepted by its host
// against the ideal: URLs / concurrency x host latency, with concurrency
// min(overall limit, accounts x per-host limit). Run: npx tsx bench/remote.ts

import type { HostId } from '../lib/hosts/types';
import { startHostSim } from '../tests/host-sim';
import { launchExtension } from '../tests/e2e/browser';

const urls = 200;
const latencyMs = 200;
const limits = { perHost: 2, overall: 4 };
const hosts: HostId[] = ['media.cm', 'vipstream.cc', 'watching.vn'];

async function main(): Promise<void> {
  const sim = await startHostSim({ latencyMs, encodeMs: 600_000 });
  const session = await launchExtension();
  try {
    const accounts = hosts.map((hostId, i) => {
      const key = `bench-remote-key-${i}`;
      sim.addAccount({ hostId, key, login: `bench${i}` });
      return { id: `acc_${i}`, hostId, label: `Bench ${hostId}`, apiBase: sim.apiBase(hostId), key, enabled: true, allowHttp: false, defaults: {}, createdAt: 1 };
    });
    const worker = await session.worker();
    await worker.evaluate(async (list) => chrome.storage.local.set({ accounts: { version: 1, data: list } }), accounts);
    const page = await session.context.newPage();
    await page.goto(session.url('popup.html'));

    const batches = accounts.map((account, i) => ({
      accountId: account.id,
      urls: Array.from({ length: Math.ceil((urls - i) / accounts.length) }, (_, n) => sim.videoUrl(`bench-${i}-${n}`, 1024)),
    }));
    const started = Date.now();
    const marks: number[] = [];
    const tracer = setInterval(() => marks.push(sim.requests.filter((r) => r.path.endsWith('/upload/url')).length), 1000);
    await page.evaluate(async (list) => {
      for (const batch of list) {
        const reply = await chrome.runtime.sendMessage({ vidrelay: 1, type: 'remote.send', payload: batch });
        if (!reply?.ok) throw new Error(JSON.stringify(reply));
      }
    }, batches);
    const queuedMs = Date.now() - started;
    // One storage read per look, a tenth of a second apart: the bench's own reads queue behind the extension's writes.
    let accepted = 0;
    while (accepted < urls) {
      const counts = await worker.evaluate(async () => {
        const jobs = Object.values(((await chrome.storage.local.get('jobs')) as { jobs?: Record<string, { state: string }> }).jobs ?? {});
        return {
          accepted: jobs.filter((job) => job.state === 'encoding' || job.state === 'ready').length,
          failed: jobs.filter((job) => job.state === 'failed').length,
        };
      });
      accepted = counts.accepted;
      if (counts.failed) throw new Error(`${counts.failed} remote uploads failed`);
      if (Date.now() - started > 300_000) throw new Error(`only ${accepted} of ${urls} accepted after 5 min`);
      if (accepted < urls) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const elapsed = Date.now() - started;
    clearInterval(tracer);
    if (process.env.BENCH_TRACE) console.log(`queued after ${queuedMs} ms; upload/url per second: ${marks.map((m, i) => m - (marks[i - 1] ?? 0)).join(' ')}`);
    const concurrency = Math.min(limits.overall, accounts.length * limits.perHost);
    const ideal = (urls / concurrency) * latencyMs;
    const requests = sim.requests.filter((r) => r.path.endsWith('/upload/url')).length;
    console.log(`${urls} remote uploads, ${accounts.length} accounts, host latency ${latencyMs} ms, concurrency ${concurrency}`);
    console.log(`upload/url requests: ${requests} (one per URL: no duplicates)`);
    console.log(`time ${(elapsed / 1000).toFixed(1)} s, ideal ${(ideal / 1000).toFixed(1)} s, ideal/actual ${(ideal / elapsed).toFixed(2)}`);
    process.exitCode = requests === urls ? 0 : 1;
  } finally {
    await session.close();
    await sim.close();
  }
}

await main();
