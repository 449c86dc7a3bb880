import { once } from 'node:events';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFiles } from './static-files';

let dir: string;
let server: Server;
let base: string;
const recording = '{"type":"hello"}\n'.repeat(1000);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skewboard-static-'));
  await mkdir(join(dir, 'samples'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Skewboard</title>');
  await writeFile(join(dir, 'samples', 'incident.ndjson'), recording);
  server = createServer((req, res) => void staticFiles(dir)(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('the built page and its files', () => {
  it('sends a recording with its size, so the page can show how much has come', async () => {
    const res = await fetch(`${base}/samples/incident.ndjson`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(Number(res.headers.get('content-length'))).toBe(recording.length);
    expect(await res.text()).toBe(recording);
  });

  it.each(['/', '/?replay=/samples/incident.ndjson', '/no/such/file', '/../../etc/passwd'])(
    '%s gets the page',
    async (path) => {
      const res = await fetch(`${base}${path}`);
      expect(await res.text()).toContain('<title>Skewboard</title>');
    },
  );

  it('says the page is not built when there is none', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'skewboard-static-empty-'));
    const bare = createServer((req, res) => void staticFiles(empty)(req, res));
    bare.listen(0, '127.0.0.1');
    await once(bare, 'listening');
    try {
      const res = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('The page is not built');
    } finally {
      await new Promise((r) => bare.close(r));
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('starts with no dist/ folder at all, and serves the page once it is built', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'skewboard-static-unbuilt-'));
    const dist = join(parent, 'dist');
    const bare = createServer((req, res) => void staticFiles(dist)(req, res));
    bare.listen(0, '127.0.0.1');
    await once(bare, 'listening');
    const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    try {
      const before = await fetch(url);
      expect(before.status).toBe(503);
      expect(await before.text()).toContain('The page is not built');

      await mkdir(dist);
      await writeFile(join(dist, 'index.html'), '<!doctype html><title>Built later</title>');
      // the handler looks at the folder again at most once a second: ask until it has
      const deadline = Date.now() + 10_000;
      let body = '';
      while (Date.now() < deadline && !body.includes('Built later')) {
        body = await (await fetch(url)).text();
        if (!body.includes('Built later')) await new Promise((r) => setTimeout(r, 100));
      }
      expect(body).toContain('<title>Built later</title>');
    } finally {
      await new Promise((r) => bare.close(r));
      await rm(parent, { recursive: true, force: true });
    }
  });
});
