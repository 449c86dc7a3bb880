import { describe, expect, it } from 'vitest';
import { playDetector } from '../play-detector';
import { expectations } from './expectations';
import { scenarios } from './index';
import { judge } from './judge';

describe('the detector over the scenario suite', () => {
  it.each(expectations.map((x) => ({ name: x.scenario.name, x })))(
    '$name: the expected alerts, in time, and nothing else',
    ({ x }) => {
      const verdict = judge(x, playDetector(x.scenario, { frames: x.frames }));
      expect(verdict.problems).toEqual([]);
      expect(verdict.falseAlerts).toEqual([]);
    },
  );

  it('has an expectation for every scenario the simulator plays', () => {
    expect(expectations.map((x) => x.scenario.name).sort()).toEqual(Object.keys(scenarios).sort());
  });

  it('has at least ten of them, with a no-alert case among them', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(10);
    expect(expectations.filter((x) => x.alerts.length === 0).length).toBeGreaterThan(0);
  });
});
