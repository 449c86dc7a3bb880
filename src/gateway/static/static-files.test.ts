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
});
