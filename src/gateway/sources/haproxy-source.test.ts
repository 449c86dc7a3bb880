import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { haproxySource } from './haproxy-source';
import type { SourceFrame, SourceInfo, SourceSink } from './source';

const HEADER = '# pxname,svname,stot,status,weight,bck,type,rtime,mode,';
const row = (svname: string, stot: number, weight = 1) =>
  `app,${svname},${stot},UP,${weight},0,2,12,http,`;

/** A stats page whose CSV (or failure) the test sets; 503 while `csv` is null. */
async function statsPage() {
  const page = { csv: null as string | null, url: '', requests: 0, close: async () => {} };
  const server = createServer((_req, res) => {
    page.requests++;
    if (page.csv === null) res.writeHead(503).end('no');
    else res.end(page.csv);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  page.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stats;csv`;
  page.close = () => new Promise((r) => server.close(() => r()));
  return page;
}

function recorder() {
  const infos: SourceInfo[] = [];
  const frames: SourceFrame[] = [];
  const warnings: string[] = [];
  const sink: SourceSink = {
    info: (i) => infos.push(i),
    frame: (f) => frames.push(f),
    annotation: () => {},
  };
  return { infos, frames, warnings, sink, warn: (m: string) => warnings.push(m) };
}

/** waits for `ok`, with a deadline generous enough for a loaded machine */
const until = async (ok: () => boolean) => {
  const deadline = Date.now() + 20_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('waited 20 s');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
});

describe('haproxySource', () => {
  it('frames consecutive reads and re-announces the servers when a weight changes', async () => {
    const page = await statsPage();
    stops.push(page.close);
    const r = recorder();
    page.csv = [HEADER, row('a', 10), row('b', 10)].join('\n');
    const source = haproxySource({
      url: page.url,
      name: `haproxy:${page.url}`,
      intervalMs: 50,
      warn: r.warn,
    });
    source.start(r.sink);
    stops.push(() => source.stop());

    await until(() => r.infos.length === 2);
    // HAProxy only knows a mean latency, from the first hello on
    expect(r.infos[0]).toEqual({
      source: `haproxy:${page.url}`,
      mode: 'live',
      intervalMs: 50,
      servers: [],
      latency: 'mean',
    });
    expect(r.infos[1]!.latency).toBe('mean');
    expect(r.infos[1]!.servers.map((s) => [s.id, s.weight])).toEqual([
      ['app/a', 1],
      ['app/b', 1],
    ]);

    page.csv = [HEADER, row('a', 40), row('b', 11, 3)].join('\n');
    await until(() => r.infos.length === 3);
    expect(r.infos[2]!.servers.map((s) => s.weight)).toEqual([1, 3]);
    await until(() => r.frames.some((f) => f.samples[0]!.requests === 30));
    expect(r.warnings).toEqual([]);
  });

  it('warns once while HAProxy cannot be read, keeps trying, and says when it is back', async () => {
    const page = await statsPage();
    stops.push(page.close);
    const r = recorder();
    const source = haproxySource({
      url: page.url,
      name: `haproxy:${page.url}`,
      intervalMs: 30,
      warn: r.warn,
    });
    source.start(r.sink);
    stops.push(() => source.stop());

    await until(() => r.warnings.length > 0);
    expect(r.warnings[0]).toContain(page.url);
    expect(r.warnings[0]).toContain('HTTP 503');
    // reads never overlap: once a fourth read after the warning reaches the page, the three
    // before it have failed and been handled, each a chance for a second warning
    const warnedAt = page.requests;
    await until(() => page.requests >= warnedAt + 4);
    expect(r.warnings).toHaveLength(1);

    page.csv = [HEADER, row('a', 1)].join('\n');
    await until(() => r.infos.length === 2);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[1]).toContain('answers again');
  });
});
