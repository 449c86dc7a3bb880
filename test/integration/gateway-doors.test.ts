/**
 * Who gets in, through the real `skewboard serve`: browser origins on both Socket.IO
 * transports and the API, read and write tokens (flags and environment), the write rate of one
 * connection, the bounds on a note, and the warning of an open gateway.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, freePort, startGateway, type RunningGateway } from '../e2e/harness';

const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
const TEST_MS = 60_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function gateway(args: string[] = []): Promise<RunningGateway> {
  const gw = await startGateway(['--no-record', ...args]);
  cleanups.push(() => gw.stop());
  return gw;
}

type Transport = 'websocket' | 'polling';
interface Connect {
  transport?: Transport;
  origin?: string;
  token?: string;
  /** more of the handshake's `auth` */
  auth?: Record<string, unknown>;
}

/** Connects as a browser page (with `Origin`) or a script (without); resolves or rejects with the refusal. */
function connect(gw: RunningGateway, opts: Connect = {}): Promise<Socket> {
  const socket = io(gw.url, {
    transports: [opts.transport ?? 'websocket'],
    reconnection: false,
    forceNew: true,
    auth: { ...opts.auth, ...(opts.token !== undefined && { token: opts.token }) },
    ...(opts.origin !== undefined && { extraHeaders: { origin: opts.origin } }),
  });
  cleanups.push(() => void socket.close());
  return new Promise((resolve, reject) => {
    socket.once('hello', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

type Ack = { ok: true; id: string } | { ok: false; error: string };
const note = (title: string, extra: object = {}) => ({
  v: 1,
  t: Date.UTC(2024, 4, 15, 10),
  title,
  kind: 'note',
  ...extra,
});
const annotate = (socket: Socket, payload: unknown) =>
  socket.timeout(10_000).emitWithAck('annotate', payload) as Promise<Ack>;

describe('origins (CONTRACT section 1)', () => {
  for (const transport of ['websocket', 'polling'] as const) {
    it(
      `over ${transport}: a page from another site is refused, the gateway's own page and a script get in`,
      async () => {
        const gw = await gateway();
        await expect(connect(gw, { transport, origin: 'http://evil.example' })).rejects.toThrow();
        await expect(connect(gw, { transport, origin: 'null' })).rejects.toThrow();
        await expect(
          connect(gw, { transport, origin: `http://127.0.0.1:${gw.port}` }),
        ).resolves.toBeTruthy();
        await expect(connect(gw, { transport })).resolves.toBeTruthy();
      },
      TEST_MS,
    );

    it(
      `over ${transport}: --allow-origin lets a page served elsewhere in, and no other`,
      async () => {
        const gw = await gateway([
          '--allow-origin',
          'http://localhost:5173',
          '--allow-origin',
          'https://noc.example.org',
        ]);
        await expect(
          connect(gw, { transport, origin: 'http://localhost:5173' }),
        ).resolves.toBeTruthy();
        await expect(
          connect(gw, { transport, origin: 'https://noc.example.org' }),
        ).resolves.toBeTruthy();
        await expect(connect(gw, { transport, origin: 'http://localhost:5174' })).rejects.toThrow();
      },
      TEST_MS,
    );
  }

  it(
    'the API refuses a foreign page, and answers an allowed one with its own origin, never *',
    async () => {
      const gw = await gateway(['--allow-origin', 'http://localhost:5173']);
      const api = `${gw.url}api/recording`;
      const foreign = await fetch(api, { headers: { origin: 'http://evil.example' } });
      expect(foreign.status).toBe(403);
      expect(await foreign.text()).toContain('--allow-origin');
      const allowed = await fetch(api, { headers: { origin: 'http://localhost:5173' } });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      await allowed.body?.cancel();
      const own = await fetch(api);
      expect(own.status).toBe(200);
      expect(own.headers.get('access-control-allow-origin')).toBeNull();
      await own.body?.cancel();
    },
    TEST_MS,
  );
});

describe('tokens (CONTRACT section 1)', () => {
  it(
    'with --token R --write-token W: R reads only, W reads and writes, nothing else gets in',
    async () => {
      const gw = await gateway(['--token', 'R-secret', '--write-token', 'W-secret']);
      await expect(connect(gw)).rejects.toThrow('unauthorized');
      await expect(connect(gw, { token: 'wrong' })).rejects.toThrow('unauthorized');
      const reader = await connect(gw, { token: 'R-secret' });
      expect(await annotate(reader, note('from a reader'))).toEqual({
        ok: false,
        error: 'unauthorized: writing needs the write token',
      });
      const writer = await connect(gw, { token: 'W-secret' });
      const ack = await annotate(writer, note('from a writer'));
      expect(ack.ok).toBe(true);

      const api = `${gw.url}api/recording`;
      expect((await fetch(api)).status).toBe(401);
      for (const t of ['R-secret', 'W-secret']) {
        const res = await fetch(api, { headers: { authorization: `Bearer ${t}` } });
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('from a writer');
      }
    },
    TEST_MS,
  );

  it(
    'takes its tokens from SKEWBOARD_TOKEN and SKEWBOARD_WRITE_TOKEN, so they need not show in ps',
    async () => {
      process.env.SKEWBOARD_TOKEN = 'env-R';
      process.env.SKEWBOARD_WRITE_TOKEN = 'env-W';
      let gw: RunningGateway;
      try {
        gw = await gateway();
      } finally {
        delete process.env.SKEWBOARD_TOKEN;
        delete process.env.SKEWBOARD_WRITE_TOKEN;
      }
      await expect(connect(gw)).rejects.toThrow('unauthorized');
      const reader = await connect(gw, { token: 'env-R' });
      expect((await annotate(reader, note('x'))).ok).toBe(false);
      const writer = await connect(gw, { token: 'env-W' });
      expect((await annotate(writer, note('x'))).ok).toBe(true);
    },
    TEST_MS,
  );
});

describe('the handshake (CONTRACT section 1)', () => {
  it(
    'a malformed auth is refused naming the field, once the token lets the client hear it',
    async () => {
      const gw = await gateway(['--token', 'R-secret']);
      await expect(connect(gw, { auth: { resumeAfterSeq: 'latest' } })).rejects.toThrow(
        /^unauthorized$/,
      );
      await expect(
        connect(gw, { token: 'R-secret', auth: { resumeAfterSeq: 'latest' } }),
      ).rejects.toThrow(
        'handshake: auth.resumeAfterSeq: expected an integer >= 0, got the string "latest"',
      );
      await expect(
        connect(gw, { token: 'R-secret', auth: { resumeAfterSeq: 0, gatewayId: 'another' } }),
      ).resolves.toBeTruthy();
    },
    TEST_MS,
  );
});

describe('writes', () => {
  it(
    'one connection that floods is held to its rate, each refusal saying why',
    async () => {
      const gw = await gateway();
      const socket = await connect(gw);
      const acks = await Promise.all(
        Array.from({ length: 200 }, (_, i) => annotate(socket, note(`flood ${i}`))),
      );
      const accepted = acks.filter((a) => a.ok).length;
      // a burst of 10, plus what refills while 200 writes go out (well under a second)
      expect(accepted).toBeGreaterThanOrEqual(10);
      expect(accepted).toBeLessThan(20);
      for (const ack of acks.filter((a) => !a.ok)) {
        expect(ack).toMatchObject({ ok: false, error: expect.stringContaining('too many writes') });
      }
      // another viewer sees only the notes accepted
      const viewer = io(gw.url, { transports: ['websocket'], forceNew: true, reconnection: false });
      cleanups.push(() => void viewer.close());
      const seen = new Set<string>();
      viewer.on('annotation', (a: { id: string }) => seen.add(a.id));
      const ids = acks.flatMap((a) => (a.ok ? [a.id] : []));
      const deadline = Date.now() + 15_000;
      while (!ids.every((id) => seen.has(id)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(ids.filter((id) => !seen.has(id))).toEqual([]);
      expect([...seen].filter((id) => id.startsWith('note:'))).toHaveLength(accepted);
    },
    TEST_MS,
  );

  it(
    'a note with a 900 KB source is refused, naming the field and its limit',
    async () => {
      const gw = await gateway();
      const socket = await connect(gw);
      expect(await annotate(socket, note('big', { source: 's'.repeat(900_000) }))).toEqual({
        ok: false,
        error: 'annotate: source: is 900000 characters long, at most 200',
      });
      expect(await annotate(socket, note('many tags', { tags: Array(21).fill('t') }))).toEqual({
        ok: false,
        error: 'annotate: tags: has 21 items, at most 20',
      });
      // the connection is still good
      expect((await annotate(socket, note('small'))).ok).toBe(true);
    },
    TEST_MS,
  );
});

describe('the warning of an open gateway', () => {
  const firstLines = async (args: string[]) => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--no-record', '--port', String(port), ...args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    const deadline = Date.now() + 30_000;
    while (!output.includes('Open http://') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
    }
    return output;
  };

  it(
    'says who can read and write when it listens on the network with no token',
    async () => {
      const open = await firstLines(['--host', '0.0.0.0']);
      expect(open.match(/with no --token/g)).toHaveLength(1);
      expect(open).toContain('anyone who can reach port');
      expect(open).toContain('add, change or remove notes');
    },
    TEST_MS,
  );

  it.each([
    ['on loopback', ['--host', '127.0.0.1']],
    ['with a token', ['--host', '0.0.0.0', '--token', 'R']],
  ])(
    'says nothing %s',
    async (_how, args) => {
      const output = await firstLines(args);
      expect(output).toContain('Open http://');
      expect(output).not.toContain('no --token');
    },
    TEST_MS,
  );
});
