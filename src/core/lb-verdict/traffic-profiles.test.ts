import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from '../lb-config/loopback-guard';
import { clientAddresses, requestPath, trafficProfiles } from './traffic-profiles';

describe('trafficProfiles', () => {
  const profiles = trafficProfiles({ requests: 400, fewClients: 3 });

  it('sends from many addresses and from few, with and without keep-alive', () => {
    expect(profiles.map((p) => [p.id, p.clients.length, p.keepAlive, p.requests, p.unit])).toEqual([
      ['many', 400, false, 400, 1],
      ['many-keepalive', 100, true, 400, 4],
      ['few', 3, false, 400, 1],
      ['few-keepalive', 3, true, 400, 1],
    ]);
    expect(profiles[2]!.label).toBe('with 3 client addresses');
  });

  it('spreads distinct client addresses over 127.0.0.0/8, all of them loopback', () => {
    const addresses = clientAddresses(100_000, 1);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.every(isLoopbackAddress)).toBe(true);
    expect(new Set(addresses.map((a) => a.split('.')[1])).size).toBeGreaterThan(200);
  });

  it('gives every request its own path, with the url_param the backend balances on', () => {
    expect(requestPath(profiles[0]!, 7, 'userid')).toBe('/skewboard-test-lb/many/7?userid=7');
    expect(requestPath(profiles[0]!, 8)).toBe('/skewboard-test-lb/many/8?n=8');
  });
});
