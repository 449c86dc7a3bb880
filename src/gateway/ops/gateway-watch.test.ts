import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Readiness } from '../hub';
import { watchGateway } from './gateway-watch';
import { createLogger } from './logger';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A gateway whose readiness the test sets, and the text log it writes. */
function watched() {
  const lines: string[] = [];
  const gw = { readiness: { ready: false, lastFrameAgoMs: null } as Readiness };
  const logger = createLogger({
    format: 'text',
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  const stop = watchGateway(
    { readiness: () => gw.readiness, clients: () => 0, source: () => 'test:source' },
    logger,
  );
  return { gw, lines, stop };
}

describe('watchGateway', () => {
  it('logs a stalled source with what it says is wrong', () => {
    const { gw, lines, stop } = watched();
    gw.readiness = { ready: true, lastFrameAgoMs: 10 };
    vi.advanceTimersByTime(1000);
    gw.readiness = {
      ready: false,
      lastFrameAgoMs: 16_000,
      problem: 'requests query: fetch failed (connect ECONNREFUSED 127.0.0.1:9090)',
    };
    vi.advanceTimersByTime(1000);
    stop();
    expect(lines).toEqual([
      'source delivering',
      'skewboard: source stalled: no frame for 16000 ms: requests query: fetch failed (connect ECONNREFUSED 127.0.0.1:9090)',
    ]);
  });

  it('says a replay played to its end finished, not stalled', () => {
    const { gw, lines, stop } = watched();
    gw.readiness = { ready: true, lastFrameAgoMs: 10 };
    vi.advanceTimersByTime(1000);
    gw.readiness = { ready: false, lastFrameAgoMs: 5000, finished: true };
    vi.advanceTimersByTime(3000);
    stop();
    expect(lines).toEqual(['source delivering', 'source finished']);
  });
});
