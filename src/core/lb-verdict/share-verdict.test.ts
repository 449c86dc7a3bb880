import { describe, expect, it } from 'vitest';
import type { BalancedBackend } from '../lb-config/balanced-backend';
import { judgeProfile } from './share-verdict';
import { trafficProfiles } from './traffic-profiles';

const server = (name: string, line: number, weight = 1) => ({
  name,
  address: `${name}.prod.internal:8080`,
  line,
  weight,
  standby: false,
});

const backend = (setting: string, pinsClients = false): BalancedBackend => ({
  kind: 'haproxy',
  name: 'web',
  servers: [server('web1', 31), server('web2', 32), server('web3', 33, 10), server('web4', 34)],
  balancing: { setting, line: 29, pinsClients, fillsFirst: setting === 'balance first' },
});

const [many, manyKeepAlive, few] = trafficProfiles({ requests: 400, fewClients: 3 });
const judge = (
  b: BalancedBackend,
  profile: typeof many,
  served: number[],
  weights = [1, 1, 1, 1],
  expected = false,
) => judgeProfile({ backend: b, profile: profile!, weights, expected, served, t: 1_000 });

describe('judgeProfile', () => {
  it('holds for an exact round robin', () => {
    expect(judge(backend('balance roundrobin'), many, [100, 100, 100, 100]).alert).toBeNull();
  });

  it('names the pinned server, the profile and the setting', () => {
    const v = judge(backend('balance source', true), few, [0, 400, 0, 0]);
    expect(v.alert).toMatchObject({
      type: 'alert',
      state: 'firing',
      rule: 'share-skew',
      servers: ['web2'],
      cause: 'load-balancer',
    });
    expect(v.alert!.message).toBe(
      'with 3 client addresses, web2 gets 100% of requests (expected 25%): `balance source` (line 29) pins each client to one server',
    );
    expect(v.shares).toEqual([0, 1, 0, 0]);
  });

  it('says balance first fills servers in turn', () => {
    const v = judge(backend('balance first'), many, [400, 0, 0, 0]);
    expect(v.alert!.message).toMatch(
      /web1 gets 100% .*`balance first` \(line 29\) fills each server/,
    );
  });

  it('names a weight the configuration gives that --expect does not', () => {
    const v = judge(backend('balance roundrobin'), many, [31, 31, 307, 31], [1, 1, 1, 1], true);
    expect(v.alert!.servers).toEqual(['web3']);
    expect(v.alert!.message).toMatch(
      /web3 gets 77% of requests \(expected 25%\): the configuration gives web3 weight 10 \(line 33\); --expect says 1$/,
    );
  });

  it('counts a keep-alive client once, so a clustered share is not called skewed on noise', () => {
    // 100 clients of 4 requests each, hashed 30/24/23/23: 1.2x, well within chance for 100 clients
    expect(
      judge(backend('balance source', true), manyKeepAlive, [120, 96, 92, 92]).alert,
    ).toBeNull();
  });

  it('never fails a fair random balancer by chance (1,000 runs of 400 requests)', () => {
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let run = 0; run < 1000; run++) {
      const served = [0, 0, 0, 0];
      for (let i = 0; i < 400; i++) served[Math.floor(random() * 4)]!++;
      expect(judge(backend('balance random'), many, served).alert).toBeNull();
    }
  });
});
