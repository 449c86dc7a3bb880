/**
 * The hub as its clients see it, over a real Socket.IO connection on loopback: numbering, the
 * resume buffer and its gap, what it drops, and notes added and removed.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveAlerts } from '../core/detector';
import type { Annotation, Frame, Hello, Sample, WriteAck } from '../core/protocol/protocol';
import { Hub, type HubOptions } from './hub';

const T0 = Date.UTC(2024, 4, 15, 13, 30);
const servers: Hello['servers'] = [
  { id: 'a', weight: 1 },
  { id: 'b', weight: 1 },
];
const sample = (id: string, requests = 10): Sample => ({
  id,
  requests,
  latencyMs: { p50: 1, p95: 2, p99: 3 },
});
// the detector is not what these tests are about: one that never fires
const quietDetector: LiveAlerts = { hello: () => {}, frame: () => [], firing: () => [] };

const stops: (() => unknown)[] = [];
afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
});

/** A hub on a loopback port, its source's frames sent by the test, its warnings kept. */
async function hubOf(opts: Partial<HubOptions> = {}) {
  const http = createServer();
  const io = new Server(http);
  const warnings: string[] = [];
  const hub = new Hub(io, {
    bufferFrames: 100,
    bufferAgeMs: 3_600_000,
    alerts: quietDetector,
    warn: (m) => warnings.push(m),
    gatewayId: 'gw-1',
    ...opts,
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  stops.push(() => new Promise<void>((resolve) => io.close(() => resolve())));
  hub.info({ source: 'test', mode: 'live', intervalMs: 1000, servers });
  let second = 0;
  const frame = (samples: Sample[] = [sample('a'), sample('b')]) =>
    hub.frame({ t: T0 + second++ * 1000, intervalMs: 1000, samples });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return { hub, frame, warnings, url };
}

/** A page connected to the hub: every event it got, in order. */
async function client(url: string, auth: Record<string, unknown> = {}) {
  const socket: ClientSocket = connect(url, { auth, transports: ['websocket'] });
  stops.push(() => socket.disconnect());
  const got: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => got.push({ event, payload }));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const seqs = () => got.filter((g) => g.event === 'frame').map((g) => (g.payload as Frame).seq);
  const hellos = () => got.filter((g) => g.event === 'hello').map((g) => g.payload as Hello);
  const until = async (check: () => boolean) => {
    const deadline = Date.now() + 20_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`waited 20 s; got ${JSON.stringify(got)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const write = (event: string, payload: object) =>
    socket.timeout(10_000).emitWithAck(event, payload) as Promise<WriteAck>;
  return { socket, got, seqs, hellos, until, write };
}

// a generous timeout: the deadlines inside are what a loaded machine needs, not the default 5 s
describe('the hub, as its clients see it', { timeout: 60_000 }, () => {
  it('numbers frames one by one, after hello, and carries on a restored numbering', async () => {
    const { frame, url } = await hubOf({ nextSeq: 41 });
    const page = await client(url);
    await page.until(() => page.hellos().length === 1);
    for (let i = 0; i < 3; i++) frame();
    await page.until(() => page.seqs().length === 3);
    expect(page.seqs()).toEqual([41, 42, 43]);
    expect(page.got[0]!.event).toBe('hello');
    expect(page.hellos()[0]).toMatchObject({ source: 'test', gatewayId: 'gw-1' });
  });

  it.each([
    { resumeAfterSeq: undefined, frames: [0, 1, 2, 3, 4] },
    { resumeAfterSeq: 2, frames: [3, 4] },
    { resumeAfterSeq: 4, frames: [] },
  ])(
    'sends hello, then the buffer after seq $resumeAfterSeq',
    async ({ resumeAfterSeq, frames }) => {
      const { hub, frame, url } = await hubOf();
      for (let i = 0; i < 5; i++) frame();
      const page = await client(url, {
        ...(resumeAfterSeq !== undefined && { resumeAfterSeq }),
        gatewayId: 'gw-1',
      });
      // one live frame after: what came before it is all the resume will send
      await page.until(() => page.hellos().length === 1);
      frame();
      await page.until(() => page.seqs().includes(5));
      expect(page.got[0]!.event).toBe('hello');
      // the hello says how far the resent frames run, so a page can draw them at once
      expect(page.hellos()[0]!.newestSeq).toBe(4);
      expect(page.seqs()).toEqual([...frames, 5]);
      expect(hub.log.oldestSeq).toBe(0);
    },
  );

  it('says where the gap starts when the buffer no longer holds the frames after the seq', async () => {
    const { frame, url } = await hubOf({ bufferFrames: 3 });
    for (let i = 0; i < 6; i++) frame();
    const page = await client(url, { resumeAfterSeq: 0, gatewayId: 'gw-1' });
    await page.until(() => page.seqs().length === 3);
    // frames 1 and 2 are gone: hello says the oldest it holds, and the rest follows
    expect(page.hellos()[0]!.oldestSeq).toBe(3);
    expect(page.seqs()).toEqual([3, 4, 5]);
  });

  it('sends the whole buffer to a client that resumes from another numbering', async () => {
    const { frame, url } = await hubOf();
    for (let i = 0; i < 3; i++) frame();
    const page = await client(url, { resumeAfterSeq: 1, gatewayId: 'another-gateway' });
    await page.until(() => page.seqs().length === 3);
    expect(page.seqs()).toEqual([0, 1, 2]);
  });

  it('drops a frame that does not validate: counted, named, and no seq spent on it', async () => {
    const { hub, frame, url, warnings } = await hubOf();
    const page = await client(url);
    frame();
    frame([sample('a', -5), sample('b')]);
    frame();
    await page.until(() => page.seqs().length === 2);
    expect(page.seqs()).toEqual([0, 1]);
    expect(hub.rejectedCount).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^dropped frame from the source at t=\d+: .*requests/);
    expect(page.got.filter((g) => g.event === 'frame')).toHaveLength(2);
  });

  it('adds a note from a writer for every client, removes it, and a newcomer gets what is left', async () => {
    const { hub, url } = await hubOf({ token: 'read', writeToken: 'write' });
    const writer = await client(url, { token: 'write' });
    const reader = await client(url, { token: 'read' });
    const note = (title: string) => ({ v: 1, t: T0, kind: 'note', title });

    const first = await writer.write('annotate', note('deploy 1'));
    const second = await writer.write('annotate', note('deploy 2'));
    expect(first).toEqual({ ok: true, id: expect.stringMatching(/^note:/) });
    const [firstId, secondId] = [first, second].map((a) => (a.ok ? a.id : ''));
    await reader.until(() => reader.got.filter((g) => g.event === 'annotation').length === 2);
    expect(
      reader.got
        .filter((g) => g.event === 'annotation')
        .map((g) => (g.payload as Annotation).title),
    ).toEqual(['deploy 1', 'deploy 2']);

    // a reader may not write
    expect(await reader.write('annotate', note('from a reader'))).toEqual({
      ok: false,
      error: 'unauthorized: writing needs the write token',
    });
    expect(await writer.write('annotate:remove', { v: 1, id: firstId })).toEqual({
      ok: true,
      id: firstId,
    });
    await reader.until(() => reader.got.some((g) => g.event === 'annotation:remove'));
    expect(reader.got.filter((g) => g.event === 'annotation:remove').map((g) => g.payload)).toEqual(
      [{ v: 1, id: firstId }],
    );
    expect(await writer.write('annotate:remove', { v: 1, id: firstId })).toEqual({
      ok: false,
      error: `no annotation ${JSON.stringify(firstId)}`,
    });
    expect([...hub.annotations.keys()]).toEqual([secondId]);

    const newcomer = await client(url, { token: 'read' });
    await newcomer.until(() => newcomer.got.some((g) => g.event === 'annotation'));
    expect(
      newcomer.got.filter((g) => g.event === 'annotation').map((g) => (g.payload as Annotation).id),
    ).toEqual([secondId]);
  });

  it('refuses a note that does not validate, and keeps nothing of it', async () => {
    const { hub, url } = await hubOf();
    const writer = await client(url);
    const ack = await writer.write('annotate', { v: 1, t: T0, kind: 'rumour', title: 'x' });
    expect(ack).toEqual({ ok: false, error: expect.stringMatching(/^annotate: .*kind/) });
    expect(await writer.write('annotate', { v: 1, t: T0, kind: 'note', title: '  ' })).toEqual({
      ok: false,
      error: 'annotate: title: is empty',
    });
    expect(hub.annotations.size).toBe(0);
  });
});
