/**
 * The gateway's own detector through the real `skewboard serve`, with socket.io clients and no
 * browser: the seed incident's share-skew alert reaches every client when it fires and when
 * it resolves, a client that connects late gets it right after hello, the recording carries
 * the transitions, and `--config` tunes the detector (a typo in it: exit 2).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePayload, type AlertPayload } from '../../src/core/protocol/protocol';
import { parseRecording } from '../../src/core/recording/recording';
import { ROOT, startGateway, tempDir, type RunningGateway } from '../e2e/harness';

const BIN = join(ROOT, 'src', 'gateway', 'bin.js');
const TEST_MS = 60_000;
// the seed incident: the change at 09:55 (UTC-4), the fix at 12:00
const CHANGE_AT = Date.UTC(2024, 4, 15, 13, 55);
const FIX_AT = Date.UTC(2024, 4, 15, 16, 0);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function gateway(args: string[]): Promise<RunningGateway> {
  const gw = await startGateway(args);
  cleanups.push(() => gw.stop());
  return gw;
}

async function folder(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(dir.remove);
  return dir.path;
}

const until = async <T>(
  get: () => T | undefined | false,
  what: string,
  ms = 40_000,
): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** A client that keeps every event in order, and every alert checked by the page's validator. */
function client(url: string, auth: Record<string, unknown> = {}) {
  const socket: Socket = io(url, { transports: ['websocket'], forceNew: true, auth });
  cleanups.push(() => void socket.close());
  const got = {
    events: [] as string[],
    alerts: [] as AlertPayload[],
    lastSeq: -1,
    bad: [] as string[],
  };
  socket.onAny((event: string, payload: { seq?: number }) => {
    got.events.push(event);
    if (event === 'frame') got.lastSeq = payload.seq!;
    if (event !== 'alert') return;
    const parsed = parsePayload('alert', payload);
    if (parsed.ok) got.alerts.push(parsed.value);
    else got.bad.push(parsed.error);
  });
  return got;
}

const shareSkew = (alerts: AlertPayload[], state: AlertPayload['state']) =>
  alerts.find((a) => a.rule === 'share-skew' && a.state === state);

describe('the gateway runs the detector', () => {
  it(
    "sends the seed incident's share-skew alert to every client as it fires and resolves, and records it",
    async () => {
      const data = await folder();
      const file = join(data, 'run.ndjson');
      const gw = await gateway(['--speed', '600', '--data', data, '--record', file]);
      const watcher = client(gw.url);

      const fired = await until(() => shareSkew(watcher.alerts, 'firing'), 'share-skew to fire');
      expect(fired).toMatchObject({
        rule: 'share-skew',
        servers: ['app-04', 'app-07'],
        cause: 'load-balancer',
        since: fired.t,
      });
      expect(fired.message).toMatch(/app-04, app-07 get 2\.\dx their weighted share/);
      expect(fired.t - CHANGE_AT).toBeGreaterThan(0);
      expect(fired.t - CHANGE_AT).toBeLessThanOrEqual(60_000);

      // a client that connects while it fires: hello, the buffered frames, then the alert
      const late = client(gw.url);
      await until(() => late.alerts.some((a) => a.id === fired.id), 'the late client to get it');
      const at = late.events.indexOf('alert');
      expect(late.events[0]).toBe('hello');
      expect(late.events.slice(1, at).every((e) => e === 'frame')).toBe(true);
      expect(late.alerts[0]).toEqual(fired);
      // before the notes held, which come after it on connecting: it came with the welcome
      const firstNote = late.events.indexOf('annotation');
      expect(firstNote === -1 || firstNote > at).toBe(true);

      // a client that resumes: hello, the frames after its seq, then the alert
      const resumed = client(gw.url, { resumeAfterSeq: watcher.lastSeq });
      await until(() => resumed.alerts.some((a) => a.id === fired.id), 'the resumed client');
      expect(resumed.events[0]).toBe('hello');

      const resolved = await until(
        () => shareSkew(watcher.alerts, 'resolved'),
        'share-skew to resolve after the fix',
      );
      expect(resolved).toMatchObject({ id: fired.id, since: fired.t, servers: fired.servers });
      expect(resolved.t).toBeGreaterThan(FIX_AT);
      await until(
        () => late.alerts.some((a) => a.id === fired.id && a.state === 'resolved'),
        'the late client to get the resolution',
      );
      expect(watcher.bad).toEqual([]);

      // written before it was sent: the recording holds both transitions
      const recorded = parseRecording(readFileSync(file, 'utf8')).payloads.flatMap((p) =>
        p.type === 'alert' && p.payload.id === fired.id ? [p.payload.state] : [],
      );
      expect(recorded).toEqual(['firing', 'resolved']);

      // analyze still recomputes, and agrees
      const analyzed = spawnSync(process.execPath, [BIN, 'analyze', file], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: TEST_MS,
      });
      expect(analyzed.status, analyzed.stderr).toBe(1);
      const lines = analyzed.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { rule: string; state: string; t: number });
      const skewLines = lines.filter((l) => l.rule === 'share-skew');
      expect(skewLines.map((l) => [l.state, l.t])).toEqual([
        ['firing', fired.t],
        ['resolved', resolved.t],
      ]);
    },
    TEST_MS,
  );

  it(
    'a restarted gateway carries on an alert firing when it stopped: same id, resent after hello, resolved later',
    async () => {
      const data = await folder();
      const args = ['--speed', '600', '--data', data];
      const before = await gateway(args);
      const watcher = client(before.url);
      const fired = await until(() => shareSkew(watcher.alerts, 'firing'), 'share-skew to fire');
      await before.stop();

      const after = await gateway(args);
      const back = client(after.url);
      await until(() => back.alerts.length > 0, 'the restarted gateway to send an alert');
      expect(back.events[0]).toBe('hello');
      expect(back.alerts[0]).toEqual(fired);
      const resolved = await until(
        () => shareSkew(back.alerts, 'resolved'),
        'share-skew to resolve after the fix',
      );
      expect(resolved.id).toBe(fired.id);
      // it never fired a second time
      expect(back.alerts.filter((a) => a.rule === 'share-skew' && a.state === 'firing')).toEqual([
        fired,
      ]);
    },
    TEST_MS,
  );

  it(
    'serve --config tunes the detector as analyze does: a longer resolveAfterMs resolves later',
    async () => {
      const dir = await folder();
      const config = join(dir, 'detector.json');
      writeFileSync(config, JSON.stringify({ shareSkew: { resolveAfterMs: 600_000 } }));
      const gw = await gateway(['--speed', '1000', '--config', config]);
      const watcher = client(gw.url);
      const resolved = await until(
        () => shareSkew(watcher.alerts, 'resolved'),
        'share-skew to resolve',
      );
      expect(resolved.t - FIX_AT).toBeGreaterThanOrEqual(600_000);
    },
    TEST_MS,
  );

  // spawnSync holds vitest's clock: a loaded machine takes more than its default 5 s to start node
  it(
    'serve --config with a typo exits 2 naming the key, before it listens',
    async () => {
      const dir = await folder();
      const config = join(dir, 'typo.json');
      writeFileSync(config, JSON.stringify({ shareSkew: { minz: 9 } }));
      const run = spawnSync(
        process.execPath,
        [BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--data', dir, '--config', config],
        { cwd: ROOT, encoding: 'utf8', timeout: 45_000 },
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('config.shareSkew.minz');
      expect(run.stderr).toContain(config);
      expect(run.stdout).not.toContain('Open http://');
    },
    TEST_MS,
  );
});
