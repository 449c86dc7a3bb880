import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../src/core/detector';
import type { ScenarioExpectation } from './expectations';
import { at } from './fleet';
import { judge } from './judge';
import { serverDown } from './server-down';

const x: ScenarioExpectation = {
  scenario: serverDown,
  frames: 10,
  alerts: [
    {
      rule: 'server-down',
      servers: ['app-05'],
      cause: 'backend',
      faultT: at(5),
      within: 30_000,
      resolve: { after: at(15), within: 150_000 },
    },
  ],
};
const ev = (t: number, state: AlertEvent['state'], o: Partial<AlertEvent> = {}): AlertEvent => ({
  type: 'alert',
  t,
  state,
  rule: 'server-down',
  servers: ['app-05'],
  cause: 'backend',
  message: 'm',
  ...o,
});
const fired = ev(at(5) + 20_000, 'firing');
const resolved = ev(at(17), 'resolved');

describe('judge', () => {
  it('finds the expected alert and its delays', () => {
    const v = judge(x, [fired, resolved]);
    expect(v.problems).toEqual([]);
    expect(v.found[0]).toMatchObject({ delayMs: 20_000, resolveDelayMs: 120_000 });
  });

  it.each([
    { name: 'missing', events: [], problem: /never fired/ },
    {
      name: 'late',
      events: [ev(at(6), 'firing'), resolved],
      problem: /fired after 60 s, allowed 30 s/,
    },
    { name: 'early', events: [ev(at(4), 'firing'), resolved], problem: /before the fault/ },
    {
      name: 'wrong cause',
      events: [ev(fired.t, 'firing', { cause: 'capacity' }), resolved],
      problem: /cause capacity/,
    },
    { name: 'never resolved', events: [fired], problem: /never resolved/ },
    {
      name: 'resolved too late',
      events: [fired, ev(at(25), 'resolved')],
      problem: /resolved 600 s after/,
    },
    {
      name: 'other servers',
      events: [ev(fired.t, 'firing', { servers: ['app-05', 'app-06'] })],
      problem: /false alert/,
    },
    {
      name: 'flapping',
      events: [fired, ev(at(7), 'resolved'), ev(at(8), 'firing'), resolved],
      problem: /false alert/,
    },
  ])('reports $name', ({ events, problem }) => {
    expect(judge(x, events).problems.join('\n')).toMatch(problem);
  });
});
