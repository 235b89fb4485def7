import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../lib/errors';
import { jobStates, type JobState, type UploadJob } from '../../../../lib/queue/model/job';
import {
  canTransition,
  cancelledMessage,
  etaSeconds,
  interruptedMessage,
  measureSpeed,
  transition,
  type JobEvent,
  type JobEventType,
} from '../../../../lib/queue/model/machine';
import { nextRetryDelay, shouldRetry, mayHaveLanded, retryCapMs } from '../../../../lib/queue/model/retry';
import { job } from '../fakes';

const links = { watch: 'https://h.test/abc' };
const sampleEvents: Record<JobEventType, JobEvent> = {
  send: { type: 'send' },
  progress: { type: 'progress', bytesSent: 10, bytesTotal: 100 },
  uploaded: { type: 'uploaded', fileCode: 'abc', links },
  pending: { type: 'pending' },
  encoding: { type: 'encoding', progress: 40 },
  ready: { type: 'ready', links, fileCode: 'abc' },
  fail: { type: 'fail', error: { code: 'auth', message: 'Check your key' } },
  defer: { type: 'defer', at: 9_000 },
  interrupt: { type: 'interrupt' },
  retry: { type: 'retry' },
  cancel: { type: 'cancel' },
};

// Every (state, event) pair: the resulting state, or null when the move is illegal.
const table: Record<JobEventType, Partial<Record<JobState, JobState>>> = {
  send: { queued: 'sending' },
  progress: { sending: 'uploading', uploading: 'uploading' },
  uploaded: { sending: 'encoding', uploading: 'encoding', queued: 'encoding', interrupted: 'encoding' },
  pending: { sending: 'encoding' },
  encoding: { encoding: 'encoding' },
  ready: { sending: 'ready', uploading: 'ready', encoding: 'ready' },
  fail: { queued: 'failed', sending: 'failed', uploading: 'failed', encoding: 'failed' },
  defer: { sending: 'queued', uploading: 'queued' },
  interrupt: { queued: 'interrupted', sending: 'interrupted', uploading: 'interrupted' },
  retry: { failed: 'queued', interrupted: 'queued' },
  cancel: { queued: 'failed', sending: 'failed', uploading: 'failed', encoding: 'failed' },
};

describe('transition table', () => {
  const cases = Object.entries(table).flatMap(([type, to]) => jobStates.map((from) => ({ type: type as JobEventType, from, to: to[from] ?? null })));

  it.each(cases)('$type from $from -> $to', ({ type, from, to }) => {
    // Progress is an upload's (the extension sends the bytes); every other event is checked on a remote job.
    const before = job({ id: 'j', state: from, updatedAt: 1, kind: type === 'progress' ? 'file' : 'remote' });
    expect(canTransition(before, type)).toBe(to !== null);
    if (to === null) {
      expect(() => transition(before, sampleEvents[type], 5)).toThrow(AppError);
      try {
        transition(before, sampleEvents[type], 5);
      } catch (error) {
        expect((error as AppError).code).toBe('invalid_input');
      }
    } else {
      const after = transition(before, sampleEvents[type], 5);
      expect(after.state).toBe(to);
      expect(after.updatedAt).toBe(5);
      expect(before.state).toBe(from);
    }
  });
});

describe('transition details', () => {
  it('a pending remote upload waits for the host, takes its file code once, and a retry only looks again', () => {
    const waiting = transition(job({ id: 'j', kind: 'remote', state: 'sending', verify: true }), { type: 'pending' }, 5);
    expect(waiting).toMatchObject({ state: 'encoding', waiting: 'host' });
    expect(waiting.verify).toBeUndefined();
    expect(canTransition(waiting, 'uploaded')).toBe(true);
    const named = transition(waiting, { type: 'uploaded', fileCode: 'abc' }, 6);
    expect(named).toMatchObject({ state: 'encoding', fileCode: 'abc' });
    expect(named).not.toHaveProperty('waiting');
    expect(canTransition(named, 'uploaded')).toBe(false);
    const cancelled = transition(waiting, { type: 'cancel' }, 7);
    expect(transition(cancelled, { type: 'retry' }, 8)).toMatchObject({ state: 'encoding', waiting: 'host' });
  });

  it('waiting for a slot does not use up an attempt', () => {
    const deferred = transition(job({ id: 'j', kind: 'remote', state: 'sending', attempts: 1 }), { type: 'defer', at: 9, waiting: 'slot' }, 5);
    expect(deferred).toMatchObject({ state: 'queued', waiting: 'slot', attempts: 0, nextAttemptAt: 9 });
    expect(transition(deferred, { type: 'send' }, 10)).not.toHaveProperty('waiting');
  });

  it('send counts the attempt, stamps sentAt and clears the last error', () => {
    const sent = transition(job({ id: 'j', attempts: 2, error: { code: 'server', message: 'x' }, nextAttemptAt: 4 }), { type: 'send' }, 50);
    expect(sent).toMatchObject({ state: 'sending', attempts: 3, sentAt: 50 });
    expect(sent.error).toBeUndefined();
    expect(sent.nextAttemptAt).toBeUndefined();
  });

  it('send keeps the earlier sentAt while a previous send is unaccounted for', () => {
    const sent = transition(job({ id: 'j', verify: true, sentAt: 10 }), { type: 'send' }, 50);
    expect(sent.sentAt).toBe(10);
  });

  it('takes progress only for uploads, and a pending host only for remote uploads', () => {
    expect(canTransition(job({ id: 'r', kind: 'remote', state: 'sending' }), 'progress')).toBe(false);
    expect(() => transition(job({ id: 'r', kind: 'remote', state: 'sending' }), sampleEvents.progress, 1)).toThrow(AppError);
    expect(canTransition(job({ id: 'f', kind: 'file', state: 'sending' }), 'pending')).toBe(false);
    // A file upload has no phases: a phase reported for it is not kept (only a relay's is).
    expect(transition(job({ id: 'f', kind: 'file', state: 'sending' }), { ...sampleEvents.progress, phase: 'upload' } as JobEvent, 1)).not.toHaveProperty(
      'phase',
    );
    expect(transition(job({ id: 'y', kind: 'relay', state: 'sending' }), { ...sampleEvents.progress, phase: 'download' } as JobEvent, 1)).toMatchObject({
      phase: 'download',
    });
  });

  it('progress computes percent and a smoothed speed', () => {
    const first = transition(job({ id: 'j', kind: 'file', state: 'sending', updatedAt: 0 }), { type: 'progress', bytesSent: 0, bytesTotal: 1000 }, 0);
    expect(first).toMatchObject({ state: 'uploading', progress: 0 });
    expect(first).not.toHaveProperty('speed');
    const second = transition(first, { type: 'progress', bytesSent: 500, bytesTotal: 1000 }, 1000);
    expect(second).toMatchObject({ progress: 50, speed: 500 });
    const third = transition(second, { type: 'progress', bytesSent: 600, bytesTotal: 1000 }, 2000);
    expect((third as UploadJob).speed).toBeCloseTo(500 * 0.7 + 100 * 0.3);
  });

  it('progress rejects negative byte counts', () => {
    expect(() => transition(job({ id: 'j', kind: 'file', state: 'sending' }), { type: 'progress', bytesSent: -1, bytesTotal: 5 }, 1)).toThrow(/non-negative/);
  });

  it('uploaded needs a file code and clears verify', () => {
    expect(() => transition(job({ id: 'j', state: 'sending' }), { type: 'uploaded', fileCode: '' }, 1)).toThrow(AppError);
    const up = transition(job({ id: 'j', state: 'sending', verify: true }), { type: 'uploaded', fileCode: 'c', links }, 1);
    expect(up).toMatchObject({ state: 'encoding', fileCode: 'c', links });
    expect(up.verify).toBeUndefined();
  });

  it('encoding progress is clamped and kept when absent', () => {
    const e = job({ id: 'j', state: 'encoding', progress: 30 });
    expect(transition(e, { type: 'encoding', progress: 140 }, 1).progress).toBe(100);
    expect(transition(e, { type: 'encoding' }, 1).progress).toBe(30);
  });

  it('ready without any file code is refused', () => {
    expect(() => transition(job({ id: 'j', state: 'encoding' }), { type: 'ready', links }, 1)).toThrow(/file code/);
  });

  it('defer keeps the error and marks verify', () => {
    const error = { code: 'timeout' as const, message: 'slow' };
    const d = transition(job({ id: 'j', state: 'sending' }), { type: 'defer', at: 99, error, verify: true }, 1);
    expect(d).toMatchObject({ state: 'queued', nextAttemptAt: 99, error, verify: true });
  });

  it('interrupt says to choose the file again', () => {
    expect(transition(job({ id: 'j', state: 'uploading' }), { type: 'interrupt' }, 1).error?.message).toBe(interruptedMessage);
  });

  it('retry of a job the host already has goes back to watching it, not sending', () => {
    const r = transition(job({ id: 'j', state: 'failed', fileCode: 'abc', attempts: 5, cancelled: true }), { type: 'retry' }, 1);
    expect(r).toMatchObject({ state: 'encoding', attempts: 0 });
    expect(r.cancelled).toBeUndefined();
    expect(transition(job({ id: 'j', state: 'interrupted' }), { type: 'retry' }, 1).state).toBe('queued');
  });

  it('cancel fails the job and says so', () => {
    const c = transition(job({ id: 'j', state: 'encoding' }), { type: 'cancel' }, 1);
    expect(c).toMatchObject({ state: 'failed', cancelled: true, error: { message: cancelledMessage } });
  });
});

describe('retry policy', () => {
  it.each([
    ['rate_limited', true],
    ['server', true],
    ['network', true],
    ['timeout', true],
    ['auth', false],
    ['bandwidth', false],
    ['legal', false],
    ['bad_request', false],
    ['upload_rejected', false],
    ['unsupported', false],
    ['invalid_input', false],
    ['something_new', false],
  ])('%s retries: %s', (code, expected) => {
    expect(shouldRetry({ code: code as never })).toBe(expected);
  });

  it('treats dropped connections and bad replies as possibly landed, rate limits as not', () => {
    expect(mayHaveLanded({ code: 'network' })).toBe(true);
    expect(mayHaveLanded({ code: 'invalid_response' })).toBe(true);
    expect(mayHaveLanded({ code: 'rate_limited' })).toBe(false);
  });

  it('doubles, jitters between half and full, and caps', () => {
    expect(nextRetryDelay(1, () => 0)).toBe(15_000);
    expect(nextRetryDelay(1, () => 1)).toBe(30_000);
    expect(nextRetryDelay(3, () => 1)).toBe(120_000);
    expect(nextRetryDelay(3, () => 0.5)).toBe(90_000);
    expect(nextRetryDelay(40, () => 1)).toBe(retryCapMs);
    expect(nextRetryDelay(0, () => 1)).toBe(30_000);
  });
});

describe('speed and ETA', () => {
  it('measures over the recent window only', () => {
    const samples = [
      { at: 0, bytes: 0 },
      { at: 10_000, bytes: 100 },
      { at: 12_000, bytes: 2100 },
      { at: 14_000, bytes: 4100 },
    ];
    expect(measureSpeed(samples)).toBe(1000);
    expect(measureSpeed(samples, 60_000)).toBeCloseTo(4100 / 14);
    expect(measureSpeed([{ at: 0, bytes: 0 }])).toBeUndefined();
  });

  it('computes seconds left, undefined without a speed', () => {
    expect(etaSeconds(500, 1500, 100)).toBe(10);
    expect(etaSeconds(500, 1500, 0)).toBeUndefined();
    expect(etaSeconds(undefined, 1500, 100)).toBeUndefined();
  });
});
