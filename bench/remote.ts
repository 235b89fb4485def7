// 200 remote-upload URLs across 3 accounts (3 hosts) through the built
// extension in Chromium, against host-sim answering every API call after a
// fixed latency, with an empty history and with 50,000 finished jobs already
// stored (seeded straight into the job database), in interleaved rounds
// (empty, full, full, empty, ...: a change in the machine's load falls on both
// alike). Prints the time until every job was accepted by its host against the
// ideal: URLs / concurrency x host latency, with concurrency min(overall limit,
// accounts x per-host limit). Targets, checked (exit 1 on a miss): one
// upload/url request per URL in every run, and the median with history within
// 10% of the median without. Run: npx tsx bench/remote.ts (BENCH_ROUNDS=3)

import type { HostId } from '../lib/hosts/types';
import { startHostSim } from '../tests/host-sim';
import { launchExtension } from '../tests/browsers/chromium';
import { seedHistory, stateCounts } from '../tests/browsers/jobs-db';
import { accountEntriesSeed, seededAccount } from '../tests/browsers/stored-accounts';
import { median, Targets } from './support/targets';

const urls = 200;
const latencyMs = 200;
const limits = { perHost: 2, overall: 4 };
const hosts: HostId[] = ['media.cm', 'vipstream.cc', 'watching.vn'];
const historySize = Number(process.env.BENCH_HISTORY ?? 50_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

async function run(history: number): Promise<{ elapsed: number; requests: number }> {
  const sim = await startHostSim({ latencyMs, encodeMs: 600_000 });
  const session = await launchExtension();
  try {
    const accounts = hosts.map((hostId, i) => {
      const key = `bench-remote-key-${i}`;
      sim.addAccount({ hostId, key, login: `bench${i}` });
      return seededAccount(sim, `acc_${i}`, hostId, `Bench ${hostId}`, key, { createdAt: 1 });
    });
    const worker = await session.worker();
    await worker.evaluate(async (seed) => chrome.storage.local.set(seed), accountEntriesSeed(accounts));
    if (history)
      await seedHistory(
        worker,
        history,
        accounts.map((a) => a.id),
      );
    if (process.env.BENCH_TRACE) console.error(`seeded ${history}`);
    const page = await session.context.newPage();
    await page.goto(session.url('popup.html'));

    const batches = accounts.map((account, i) => ({
      accountId: account.id,
      urls: Array.from({ length: Math.ceil((urls - i) / accounts.length) }, (_, n) => sim.videoUrl(`bench-${i}-${n}`, 1024)),
    }));
    const started = Date.now();
    await page.evaluate(async (list) => {
      for (const batch of list) {
        const reply = await chrome.runtime.sendMessage({ vidrelay: 1, type: 'remote.send', payload: batch });
        if (!reply?.ok) throw new Error(JSON.stringify(reply));
        if (reply.data.refused.length) throw new Error(`refused: ${JSON.stringify(reply.data.refused[0])}`);
      }
    }, batches);
    // Counted through the state index, a tenth of a second apart. Only the queue's own states are
    // counted: counting 50,000 finished jobs every tenth of a second would hold up the extension's writes.
    let accepted = 0;
    while (accepted < urls) {
      const counts = await stateCounts(worker, ['queued', 'sending', 'encoding']);
      // Encoding takes 10 minutes on this host: every job the host accepted is still encoding.
      accepted = counts.encoding ?? 0;
      if (process.env.BENCH_TRACE) console.error(`${Date.now() - started} ms: ${JSON.stringify(counts)}`);
      if (Date.now() - started > 300_000) throw new Error(`only ${accepted} of ${urls} accepted after 5 min: ${JSON.stringify(await stateCounts(worker))}`);
      if (accepted < urls) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const elapsed = Date.now() - started;
    return { elapsed, requests: sim.requests.filter((r) => r.path.endsWith('/upload/url')).length };
  } finally {
    await session.close();
    await sim.close();
  }
}

const concurrency = Math.min(limits.overall, hosts.length * limits.perHost);
const ideal = (urls / concurrency) * latencyMs;
const empty: { elapsed: number; requests: number }[] = [];
const full: { elapsed: number; requests: number }[] = [];
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? [full, empty] : [empty, full];
  for (const runs of order) runs.push(await run(runs === full ? historySize : 0));
}
const seconds = (list: { elapsed: number }[]) => list.map((r) => (r.elapsed / 1000).toFixed(1)).join(', ');
const emptyMs = median(empty.map((r) => r.elapsed));
const fullMs = median(full.map((r) => r.elapsed));
console.log(`${urls} remote uploads, ${hosts.length} accounts, host latency ${latencyMs} ms, concurrency ${concurrency}, ${rounds} interleaved rounds`);
console.log(
  `empty history: ${seconds(empty)} s, median ${(emptyMs / 1000).toFixed(1)} s, ideal ${(ideal / 1000).toFixed(1)} s, ideal/actual ${(ideal / emptyMs).toFixed(2)}`,
);
console.log(
  `${historySize.toLocaleString('en')} jobs in history: ${seconds(full)} s, median ${(fullMs / 1000).toFixed(1)} s, ideal/actual ${(ideal / fullMs).toFixed(2)}`,
);
const targets = new Targets();
const requests = [...empty, ...full].map((r) => r.requests);
targets.check(
  `upload/url requests per run: ${requests.join(', ')} (target: ${urls} in every run, one per URL)`,
  requests.every((n) => n === urls),
);
const spread = Math.abs(fullMs - emptyMs) / emptyMs;
targets.check(`with history vs empty (medians): ${(fullMs / emptyMs).toFixed(2)}x, ${(spread * 100).toFixed(0)}% apart (target: within 10%)`, spread <= 0.1);
targets.finish();
