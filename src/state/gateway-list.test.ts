import { describe, expect, it } from 'vitest';
import {
  MAX_GATEWAYS,
  createGatewayRotation,
  engineAddress,
  parseGatewayList,
  type EngineAddress,
  type GatewayList,
} from './gateway-list';

describe('parseGatewayList', () => {
  it.each<{ param: string | undefined; page?: string; want: GatewayList }>([
    { param: undefined, want: { origins: [], ignored: [] } },
    { param: '', want: { origins: [], ignored: [] } },
    { param: ' , ,', want: { origins: [], ignored: [] } },
    {
      param: 'http://gw1.example:8080',
      want: { origins: ['http://gw1.example:8080'], ignored: [] },
    },
    {
      param: 'http://gw1.example:8080,https://gw2.example',
      want: { origins: ['http://gw1.example:8080', 'https://gw2.example'], ignored: [] },
    },
    // the order is the order of failover
    {
      param: ' https://b.example , http://a.example:81 ',
      want: { origins: ['https://b.example', 'http://a.example:81'], ignored: [] },
    },
    // Socket.IO lives at /socket.io on every gateway: a path, a query, credentials go
    {
      param: 'http://user:pw@gw.example:8080/dash/?x=1#y',
      want: { origins: ['http://gw.example:8080'], ignored: [] },
    },
    { param: 'http://gw.example:80', want: { origins: ['http://gw.example'], ignored: [] } },
    { param: 'ws://gw.example:9000', want: { origins: ['http://gw.example:9000'], ignored: [] } },
    { param: 'wss://gw.example', want: { origins: ['https://gw.example'], ignored: [] } },
    { param: 'HTTP://GW.Example:8080', want: { origins: ['http://gw.example:8080'], ignored: [] } },
    // host:port takes the page's scheme
    { param: 'gw.example:8080', want: { origins: ['http://gw.example:8080'], ignored: [] } },
    {
      param: 'gw.example:8443',
      page: 'https:',
      want: { origins: ['https://gw.example:8443'], ignored: [] },
    },
    { param: '[::1]:8080', want: { origins: ['http://[::1]:8080'], ignored: [] } },
    {
      param: 'http://a.example,http://a.example:80/,http://b.example',
      want: { origins: ['http://a.example', 'http://b.example'], ignored: [] },
    },
    { param: 'http:/gw.example', want: { origins: [], ignored: ['http:/gw.example'] } },
    { param: 'javascript:alert(1)', want: { origins: [], ignored: ['javascript:alert(1)'] } },
    { param: 'ftp://gw.example', want: { origins: [], ignored: ['ftp://gw.example'] } },
    { param: 'file:///etc/passwd', want: { origins: [], ignored: ['file:///etc/passwd'] } },
    { param: 'http://', want: { origins: [], ignored: ['http://'] } },
    {
      param: 'http://a.example,not a url,http://b.example',
      want: { origins: ['http://a.example', 'http://b.example'], ignored: ['not a url'] },
    },
  ])('$param on an $page page', ({ param, page, want }) => {
    expect(parseGatewayList(param, page ?? 'http:')).toEqual(want);
  });

  it(`keeps at most ${MAX_GATEWAYS} gateways and names the rest as ignored`, () => {
    const many = Array.from({ length: MAX_GATEWAYS + 3 }, (_, i) => `http://gw${i}.example`);
    const list = parseGatewayList(many.join(','), 'http:');
    expect(list.origins).toEqual(many.slice(0, MAX_GATEWAYS));
    expect(list.ignored).toEqual(many.slice(MAX_GATEWAYS));
  });

  it('ignores an entry too long to be an address, naming only its start', () => {
    const long = `http://${'a'.repeat(5000)}.example`;
    const list = parseGatewayList(`${long},http://b.example`, 'http:');
    expect(list.origins).toEqual(['http://b.example']);
    expect(list.ignored).toEqual([long.slice(0, 200)]);
  });
});

describe('engineAddress', () => {
  it.each<{ origin: string | undefined; want: EngineAddress }>([
    { origin: undefined, want: {} },
    {
      origin: 'http://gw.example:8080',
      want: { hostname: 'gw.example', port: '8080', secure: false },
    },
    { origin: 'http://gw.example', want: { hostname: 'gw.example', port: '80', secure: false } },
    { origin: 'https://gw.example', want: { hostname: 'gw.example', port: '443', secure: true } },
    { origin: 'http://[::1]:8080', want: { hostname: '::1', port: '8080', secure: false } },
  ])('$origin', ({ origin, want }) => {
    expect(engineAddress(origin)).toEqual(want);
  });
});

describe('createGatewayRotation', () => {
  /** what the rotation answers for each event in turn ('f' failed, 'c' connected) */
  const walk = (origins: string[], events: string, tries?: number) => {
    const rotation = createGatewayRotation(origins, tries);
    return [...events].map((e) => {
      if (e === 'c') {
        rotation.connected();
        return rotation.current();
      }
      return rotation.failed();
    });
  };

  it.each<{ name: string; origins: string[]; events: string; tries?: number; want: unknown[] }>([
    {
      name: 'no list: always the page’s own',
      origins: [],
      events: 'ff',
      want: [undefined, undefined],
    },
    { name: 'one gateway: never moves', origins: ['A'], events: 'fff', want: ['A', 'A', 'A'] },
    {
      name: 'the drop and one retry, then the next',
      origins: ['A', 'B'],
      events: 'ff',
      want: ['A', 'B'],
    },
    {
      name: 'round the list and back to the first',
      origins: ['A', 'B', 'C'],
      events: 'ffffff',
      want: ['A', 'B', 'B', 'C', 'C', 'A'],
    },
    {
      name: 'a connection in between starts the count afresh',
      origins: ['A', 'B'],
      events: 'fcff',
      want: ['A', 'A', 'A', 'B'],
    },
    {
      name: 'stays on the gateway it moved to once connected there',
      origins: ['A', 'B'],
      events: 'ffcf',
      want: ['A', 'B', 'B', 'B'],
    },
    { name: 'one try each', origins: ['A', 'B'], events: 'fff', tries: 1, want: ['B', 'A', 'B'] },
  ])('$name', ({ origins, events, tries, want }) => {
    expect(walk(origins, events, tries)).toEqual(want);
  });

  it('starts on the first of the list', () => {
    expect(createGatewayRotation(['A', 'B']).current()).toBe('A');
  });
});
