import { describe, expect, it } from 'vitest';
import type { BalancedBackend } from '../lb-config/balanced-backend';
import { judgeProfile } from './share-verdict';
import { trafficProfiles } from './traffic-profiles';
import { verdictTable } from './verdict-table';

describe('verdictTable', () => {
  it('shows each profile’s shares against the expected ones and which skewed', () => {
    const backend: BalancedBackend = {
      kind: 'nginx',
      name: 'app',
      servers: ['web1', 'web2'].map((name, i) => ({
        name,
        address: `${name}:80`,
        line: i + 5,
        weight: 1,
        standby: false,
      })),
      balancing: { setting: 'ip_hash', line: 4, pinsClients: true, fillsFirst: false },
    };
    const [many, , few] = trafficProfiles({ requests: 100, fewClients: 2 });
    const verdicts = [
      judgeProfile({
        backend,
        profile: many!,
        weights: [1, 1],
        expected: false,
        served: [50, 50],
        t: 1,
      }),
      judgeProfile({
        backend,
        profile: few!,
        weights: [1, 1],
        expected: false,
        served: [100, 0],
        t: 2,
      }),
    ];
    expect(verdictTable(backend, verdicts, 'weights')).toBe(
      [
        'nginx upstream app, ip_hash (line 4)',
        'profile                                              web1  web2  verdict',
        'expected (weights)                                    50%   50%',
        '100 client addresses, a new connection each request   50%   50%  holds',
        '2 client addresses                                   100%    0%  SKEWED: web1',
      ].join('\n'),
    );
  });
});
