import { describe, expect, it } from 'vitest';
import { hello as helloSchema, type Hello } from '../core/protocol/protocol';
import { Hub } from './hub';
import { socketServer } from './socket-server';
import type { SourceInfo } from './sources/source';

const servers = [{ id: 'app/web1', label: 'web1', pool: 'app', weight: 1 }];
/** A hub with no listener (nothing to close): what it announces is all these tests look at. */
function hubWith(onPayload?: (type: string, payload: object) => void) {
  const io = socketServer({ allowed: new Set() });
  return new Hub(io, { bufferFrames: 10, bufferAgeMs: 60_000, ...(onPayload && { onPayload }) });
}

describe("the hub's hello carries the source's latency kind", () => {
  it.each<{ name: string; info: SourceInfo; want: Hello['latency'] }>([
    {
      name: 'a source that only knows a mean',
      info: {
        source: 'haproxy:http://lb/stats;csv',
        mode: 'live',
        intervalMs: 5000,
        servers,
        latency: 'mean',
      },
      want: 'mean',
    },
    {
      name: 'a source with quantiles that says so',
      info: { source: 'sim:x', mode: 'live', intervalMs: 1000, servers, latency: 'quantiles' },
      want: 'quantiles',
    },
    {
      name: 'a source that says nothing (quantiles)',
      info: { source: 'sim:x', mode: 'live', intervalMs: 1000, servers },
      want: undefined,
    },
  ])('$name: $want', ({ info, want }) => {
    const recorded: [string, object][] = [];
    const hub = hubWith((type, payload) => recorded.push([type, payload]));
    hub.info(info);
    const hello = hub.hello();
    expect(hello.latency).toBe(want);
    expect('latency' in hello).toBe(want !== undefined);
    // what is sent and recorded is a valid hello with it
    expect(helloSchema.check(hello)).toEqual(hello);
    expect(recorded).toEqual([['hello', expect.objectContaining({ source: info.source })]]);
    expect((recorded[0]![1] as Hello).latency).toBe(want);
  });

  it('follows a new source info', () => {
    const hub = hubWith();
    hub.info({ source: 'x', mode: 'live', intervalMs: 1000, servers, latency: 'mean' });
    hub.info({ source: 'x', mode: 'live', intervalMs: 1000, servers });
    expect(hub.hello().latency).toBeUndefined();
  });
});

describe("the hub's hello says which skewboard sent it", () => {
  const info: SourceInfo = { source: 'sim:x', mode: 'live', intervalMs: 1000, servers };

  it('the version it was given, in the hello sent and recorded', () => {
    const recorded: object[] = [];
    const io = socketServer({ allowed: new Set() });
    const hub = new Hub(io, {
      bufferFrames: 10,
      bufferAgeMs: 60_000,
      version: '1.2.3',
      onPayload: (_type, payload) => recorded.push(payload),
    });
    hub.info(info);
    // one hello: each carries the clock's now, which may move between two calls
    const hello = hub.hello();
    expect(hello.version).toBe('1.2.3');
    expect(helloSchema.check(hello)).toEqual(hello);
    expect(recorded).toEqual([expect.objectContaining({ version: '1.2.3' })]);
  });

  it('no version field when it was given none', () => {
    const hub = hubWith();
    hub.info(info);
    expect('version' in hub.hello()).toBe(false);
  });

  it("clustered, its own version, not the holder's that the stream carries", () => {
    const io = socketServer({ allowed: new Set() });
    const hub = new Hub(io, {
      bufferFrames: 10,
      bufferAgeMs: 60_000,
      version: '1.2.4',
      publish: () => {},
    });
    const holders: Hello = { v: 1, ...info, now: 0, version: '1.2.3' };
    hub.receive('hello', holders);
    expect(hub.hello()).toMatchObject({ source: 'sim:x', version: '1.2.4' });
  });
});
