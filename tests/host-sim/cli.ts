// `tsx tests/host-sim/cli.ts [--port 8787] [--demo] [--encode-ms 3000] [--latency-ms 0]`
// Starts the simulator; with --demo seeds one account per preset and prints
// {origin, accounts} as JSON on stdout. Runs until SIGINT/SIGTERM.
import { seedDemo } from './demo-seed';
import { startHostSim } from './server';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: tsx tests/host-sim/cli.ts [--port N] [--demo] [--encode-ms N] [--latency-ms N]\n`);
  process.exit(2);
}

function numberArg(args: string[], i: number, name: string): number {
  const n = Number(args[i + 1]);
  if (args[i + 1] === undefined || !Number.isInteger(n) || n < 0) usage(`${name} needs a non-negative integer`);
  return n;
}

const args = process.argv.slice(2);
let port = 0;
let demo = false;
let encodeMs: number | undefined;
let latencyMs: number | undefined;
for (let i = 0; i < args.length; i++) {
  switch (args[i]) {
    case '--port':
      port = numberArg(args, i++, '--port');
      break;
    case '--demo':
      demo = true;
      break;
    case '--encode-ms':
      encodeMs = numberArg(args, i++, '--encode-ms');
      break;
    case '--latency-ms':
      latencyMs = numberArg(args, i++, '--latency-ms');
      break;
    default:
      usage(`unknown argument: ${args[i]}`);
  }
}

const sim = await startHostSim({ port, encodeMs, latencyMs });
const accounts = demo ? seedDemo(sim) : [];
process.stdout.write(`${JSON.stringify({ origin: sim.origin, accounts }, null, 2)}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
