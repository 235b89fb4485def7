import type { QueuePort } from '../drivers/types';
import { createMoves } from './moves';
import { createPollAlarm } from './poll-alarm';
import { createSendOutcomes } from './send-outcomes';
import type { QueueRunnerDeps } from './api';

// What every part of the runner shares, put together from moving jobs
// through the machine (moves.ts), the poll alarm (poll-alarm.ts) and what a
// send's outcome does to its job (send-outcomes.ts). The pump, the encoding
// poll and the user commands are built on this; the drivers see only the
// part of it their port names (lib/queue/drivers/types.ts).

export type QueueCore = ReturnType<typeof createCore>;

export function createCore(deps: QueueRunnerDeps) {
  const moves = createMoves(deps);
  const alarm = createPollAlarm(deps);
  const outcomes = createSendOutcomes(deps, moves, alarm);
  return { deps, store: deps.store, ...moves, ...alarm, ...outcomes } satisfies QueuePort;
}
