// How long host-sim's delaying faults last (tests/host-sim/host-sim.test.ts
// checks what they do, not how long): a 'slow' request is answered its delay
// later than a plain one, never sooner; a 'slow-reply' upload is stored at
// once and answered its delay after it was stored. Rounds interleave plain,
// slow and held requests. Every target printed is checked; a miss exits 1.
// Needs no build. Run: npx tsx bench/host-sim-faults.ts

import { startHostSim } from '../tests/host-sim';
import { median, Targets } from './support/targets';

const delayMs = 300;
/** How much later than its delay an answer may come (the request's own work, a busy machine). */
const slackMs = 150;
const rounds = 7;

const sim = await startHostSim({ encodeMs: 60_000 });
const key = 'bench-faults-key';
sim.addAccount({ hostId: 'vipstream.cc', key });

const timed = async (send: () => Promise<Response>): Promise<number> => {
  const started = performance.now();
  const response = await send();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return performance.now() - started;
};
const info = () => fetch(`${sim.apiBase('vipstream.cc')}/account/info?key=${key}`);
const upload = () => {
  const body = new FormData();
  body.append('key', key);
  body.append('file', new Blob([new Uint8Array(4096)], { type: 'video/mp4' }), 'held.mp4');
  return fetch(`${sim.origin}/vipstream.cc/upload/01`, { method: 'POST', body });
};

// The moment an upload is stored, taken as the simulator records it (it runs in this process).
let storedAt = Number.NaN;
const record = sim.uploads.push.bind(sim.uploads);
sim.uploads.push = (...items) => {
  storedAt = performance.now();
  return record(...items);
};

const plain: number[] = [];
const slow: number[] = [];
/** For each held upload: when it was stored, and when its answer came, from the request's start. */
const held: { stored: number; answered: number }[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    plain.push(await timed(info));
    sim.fault({ kind: 'slow', delayMs, match: 'account/info', times: 1 });
    slow.push(await timed(info));

    sim.fault({ kind: 'slow-reply', delayMs, match: '/upload/01', times: 1 });
    storedAt = Number.NaN;
    const started = performance.now();
    const answered = await timed(upload);
    held.push({ stored: storedAt - started, answered });
  }
} finally {
  await sim.close();
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const targets = new Targets();
const added = median(slow) - median(plain);
targets.check(
  `'slow' (${delayMs} ms): every answer at least the delay: ${slow.map(ms).join(', ')}`,
  slow.every((t) => t >= delayMs - 1),
);
targets.check(
  `'slow' adds ${ms(added)} to a plain answer (median ${ms(median(plain))}) (target: ${delayMs} to ${delayMs + slackMs} ms)`,
  added >= delayMs - 1 && added <= delayMs + slackMs,
);
const gaps = held.map((h) => h.answered - h.stored);
targets.check(
  `'slow-reply' (${delayMs} ms): stored at ${held.map((h) => ms(h.stored)).join(', ')} (target: every one stored before its answer)`,
  held.every((h) => h.stored >= 0 && h.stored < h.answered),
);
targets.check(
  `'slow-reply': answered after being stored by ${gaps.map(ms).join(', ')} (target: each at least ${delayMs} ms, median at most ${delayMs + slackMs} ms)`,
  gaps.every((g) => g >= delayMs - 1) && median(gaps) <= delayMs + slackMs,
);
targets.finish();
