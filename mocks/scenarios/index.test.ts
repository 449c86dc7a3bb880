import { describe, expect, it } from 'vitest';
import { getScenario, scenarios } from './index';

describe('getScenario', () => {
  it.each(Object.keys(scenarios))('finds %s by its own name', (name) => {
    expect(getScenario(name).name).toBe(name);
  });

  it.each(['nope', '', 'constructor', '__proto__', 'LB-MISCONFIG'])(
    'rejects %j and lists the known names',
    (name) => {
      expect(() => getScenario(name)).toThrow(/unknown scenario .*known scenarios: lb-misconfig/);
    },
  );
});
