import type { QueuePort } from '../drivers/types';
import { createMoves } from './moves';
import { createPollAlarm } from './poll-alarm';
import { createSendOutcomes } from './send-outcomes';
import { createSecondCopies } from './second-copy';
import type { QueueRunnerDeps } from './api';

// What every part of the runner shares, put together from moving jobs
// through the machine (moves.ts), the poll alarm (poll-alarm.ts), what a
// send's outcome does to its job (send-outcomes.ts) and the look for a
// second copy once it lands (second-copy.ts). The pump, the encoding
// poll and the user commands are built on this; the drivers see only the
// part of it their port names (lib/queue/drivers/types.ts).

export type QueueCore = ReturnType<typeof createCore>;

export function createCore(deps: QueueRunnerDeps) {
  const moves = createMoves(deps);
  const alarm = createPollAlarm(deps);
  const secondCopies = createSecondCopies(deps);
  const outcomes = createSendOutcomes(deps, moves, alarm, secondCopies);
  const core = { deps, store: deps.store, ...moves, ...alarm, ...outcomes, secondCopies };
  return core satisfies QueuePort;
}
