/**
 * A fleet whose pods come and go, through the real `skewboard serve` replaying a recording
 * this test writes: a source whose server list lags (it still names pods gone for up to a
 * minute, as a Prometheus series lingers). A client connecting after the churn is greeted by a
 * hello listing only the servers sampled in the detector's window, an idle server included;
 * a client connected throughout is sent hello again without a departed pod; and /metrics has
 * no share series for a departed pod, though it had one while the pod was sampled.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLine } from '../../src/core/recording/recording';
import type { Frame, Hello, Sample } from '../../src/core/protocol/protocol';
import { startGateway, tempDir } from '../e2e/harness';

const TEST_MS = 60_000;
const T0 = Date.UTC(2024, 4, 15, 13, 0);
const FRAMES = 300;
/** a pod is born every 10 frames and lives 30; the source lists it for 60 from its birth */
const BORN_EVERY = 10;
const LIFE = 30;
const LISTED_FOR = 60;
/** 'old-pod' is sampled in frames 0..199 and listed by the source to the end */
const OLD_POD_LAST = 199;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const births = Array.from({ length: FRAMES / BORN_EVERY }, (_, k) => k * BORN_EVERY);
const alive = (i: number) => births.filter((b) => b <= i && i < b + LIFE);
const listedAt = (i: number) => births.filter((b) => b <= i && i < b + LISTED_FOR);

/** What the lagging source lists at frame i, in the order it lists them. */
const listAt = (i: number): Hello['servers'] => [
  { id: 'steady', pool: 'web', weight: 1 },
  { id: 'idle', pool: 'web', weight: 1 },
  { id: 'old-pod', pool: 'web', weight: 1 },
  ...listedAt(i).map((b) => ({ id: `pod-${b}`, pool: 'web', weight: 1 })),
];

const sample = (id: string, requests: number): Sample => ({
  id,
  requests,
  latencyMs: requests === 0 ? null : { p50: 20, p95: 40, p99: 80 },
});

/** The recording: a hello whenever the source's list changes, then the frame. */
function writeRecording(file: string): void {
  const lines: string[] = [];
  let listed = '';
  for (let i = 0; i < FRAMES; i++) {
    const t = T0 + i * 1000;
    const servers = listAt(i);
    const key = JSON.stringify(servers);
    if (key !== listed) {
      listed = key;
      const hello: Hello = {
        v: 1,
        source: 'prometheus:test',
        mode: 'live',
        intervalMs: 1000,
        servers,
        now: t,
      };
      lines.push(recordingLine('hello', hello));
    }
    const frame: Frame = {
      v: 1,
      seq: i,
      t,
      intervalMs: 1000,
      samples: [
        sample('steady', 100),
        // idle: sampled, no requests; not departed
        sample('idle', 0),
        ...(i <= OLD_POD_LAST ? [sample('old-pod', 100)] : []),
        ...alive(i).map((b) => sample(`pod-${b}`, 100)),
      ],
    };
    lines.push(recordingLine('frame', frame));
  }
  writeFileSync(file, lines.join(''));
}

async function until<T>(read: () => Promise<T> | T, done: (v: T) => boolean, what: string) {
  const deadline = Date.now() + 40_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last ${String(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A client that keeps the server list of every hello it is sent, in order. */
function client(url: string) {
  const socket: Socket = io(url, { transports: ['websocket'], forceNew: true });
  cleanups.push(() => void socket.close());
  const hellos: string[][] = [];
  socket.on('hello', (h: Hello) => hellos.push(h.servers.map((s) => s.id)));
  return hellos;
}

const shareServers = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.startsWith('skewboard_server_share{'))
    .map((l) => /server="([^"]*)"/.exec(l)![1]!);
const framesTotal = (text: string) =>
  Number(/^skewboard_frames_total (\S+)$/m.exec(text)?.[1] ?? NaN);

describe('a fleet whose pods come and go', () => {
  it(
    'a late hello lists only the servers sampled in the window, and /metrics forgets the departed',
    async () => {
      const dir = await tempDir();
      cleanups.push(dir.remove);
      const file = join(dir.path, 'churn.ndjson');
      writeRecording(file);
      const gw = await startGateway(['--source', `replay:${file}`, '--speed', '40', '--no-record']);
      cleanups.push(() => gw.stop());
      const metrics = async () => (await fetch(`${gw.url}metrics`)).text();
      const early = client(gw.url);

      // while old-pod is sampled, it has a share
      await until(metrics, (t) => shareServers(t).includes('old-pod'), "old-pod's share");
      // the whole recording played: the gateway keeps serving what it holds
      const last = await until(metrics, (t) => framesTotal(t) === FRAMES, 'every frame');

      // the detector's 20 s window ends at frame 299: frames 280..299
      const sampledInWindow = ['steady', 'idle', 'pod-260', 'pod-270', 'pod-280', 'pod-290'];
      expect(shareServers(last).sort()).toEqual([...sampledInWindow].sort());

      const late = client(gw.url);
      const hellos = await until(
        () => late,
        (h) => h.length > 0,
        'the late hello',
      );
      // the source still lists old-pod, pod-240 and pod-250, gone for more than the window
      expect(listAt(FRAMES - 1).map((s) => s.id)).toEqual(
        expect.arrayContaining(['old-pod', 'pod-240', 'pod-250']),
      );
      expect(hellos[0]).toEqual(sampledInWindow);

      // a client connected throughout was sent hello again as pods left, the last as late's
      expect(early[0]).toContain('old-pod');
      await until(
        () => early.at(-1)?.join(),
        (ids) => ids === sampledInWindow.join(),
        "the early client's last hello",
      );
    },
    TEST_MS,
  );
});
