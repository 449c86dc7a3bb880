import { describe, expect, it } from 'vitest';
import { heatmapSummary } from './heatmap-summary';

const T = Date.UTC(2024, 4, 15, 13, 40);

describe('heatmapSummary', () => {
  it.each([
    {
      name: 'the seed incident',
      input: {
        servers: 10,
        alerting: ['app-04', 'app-07'],
        fromT: T,
        toT: T + 7_200_000,
        tz: '-04:00',
      },
      expected: '10 servers; alerting: app-04, app-07; from 09:40 to 11:40 UTC-4',
    },
    {
      name: 'a folded fleet, nothing alerting',
      input: {
        servers: 2000,
        alerting: [],
        folded: { single: 3, bands: 2 },
        fromT: T,
        toT: T + 60_000,
        tz: 'UTC',
      },
      expected:
        '2,000 servers; none alerting; 3 servers shown on their own, the rest folded into 2 bands by pool; from 13:40 to 13:41 UTC',
    },
    {
      name: 'before the first frame',
      input: { servers: 1, alerting: [], fromT: NaN, toT: NaN, tz: 'UTC' },
      expected: '1 server; none alerting; no data yet',
    },
  ])('$name', ({ input, expected }) => {
    expect(heatmapSummary(input)).toBe(expected);
  });
});
