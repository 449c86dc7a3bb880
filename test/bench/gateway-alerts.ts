/**
 * Gateway alerting benchmark. Two figures, each beside a peer measured in the same run:
 * - the gateway's detector (the core `createLiveAlerts` the hub runs on every frame) on 500
 *   servers at 10 frames a second, as a share of one core; peer: JSON.stringify of the same
 *   frames, which the gateway does for every frame anyway. Goal: at most 5% of a core.
 * - from an alert transition to Debian's Alertmanager holding it, through the delivery queue
 *   (`--alertmanager`), p99 over 200 alerts; peer: one direct POST of the same alert, timed the
 *   same way. Goal: at most 1 s. (The transition itself comes on the turn after the frame that
 *   fires it is sent: the detector runs beside the frame path.)
 *
 *   npx tsx test/bench/gateway-alerts.ts [out.json]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigFleet } from '../../mocks/scenarios/big-fleet';
import { createSimulator } from '../../mocks/simulator';
import { createLiveAlerts } from '../../src/core/detector';
import { PROTOCOL_VERSION, type Frame, type Hello } from '../../src/core/protocol/protocol';
import { alertmanagerAlert } from '../../src/gateway/delivery/alertmanager-format';
import {
  alertmanagerEndpoint,
  createAlertDelivery,
} from '../../src/gateway/delivery/alert-delivery';
import { postJson } from '../../src/gateway/delivery/post-json';
import type { AlertPayload } from '../../src/gateway/ops/alert-payload';
import { createLogger } from '../../src/gateway/ops/logger';
import { freePort } from '../e2e/harness';
import { goal, goalTable, ms, ratio, table, writeResult } from './lib/report';
import { median, percentile } from './lib/stats';

const FRAMES = 600; // a minute at 10 frames a second
const RUNS = 5;
const FPS = 10;
const ALERTS = 200;

// --- the detector
const sim = createSimulator(bigFleet);
const info = sim.hello();
const hello: Hello = {
  v: PROTOCOL_VERSION,
  source: info.source,
  mode: 'live',
  intervalMs: info.intervalMs,
  servers: info.servers,
  now: Date.now(),
  gatewayId: 'bench',
};
const frames: Frame[] = Array.from({ length: FRAMES }, (_, seq) => {
  const { t, intervalMs, samples } = sim.next();
  return { v: PROTOCOL_VERSION, seq, t, intervalMs, samples };
});
const detectorMs: number[] = [];
const stringifyMs: number[] = [];
let fired = 0;
for (let run = 0; run < RUNS; run++) {
  const alerts = createLiveAlerts();
  alerts.hello(hello);
  let start = performance.now();
  for (const f of frames) fired += alerts.frame(f).length;
  detectorMs.push((performance.now() - start) / FRAMES);
  start = performance.now();
  let bytes = 0;
  for (const f of frames) bytes += JSON.stringify(f).length;
  stringifyMs.push((performance.now() - start) / FRAMES);
  if (bytes === 0) throw new Error('no frames');
}
const perFrame = median(detectorMs);
const peerPerFrame = median(stringifyMs);
const coreShare = (perFrame * FPS) / 1000;

// --- delivery to a real Alertmanager
const dir = mkdtempSync(join(tmpdir(), 'skewboard-bench-am-'));
writeFileSync(join(dir, 'am.yml'), 'route:\n  receiver: none\nreceivers:\n  - name: none\n');
const port = await freePort();
const am = spawn(
  '/usr/bin/prometheus-alertmanager',
  [
    `--config.file=${join(dir, 'am.yml')}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
  ],
  { stdio: 'ignore' },
);
const base = `http://127.0.0.1:${port}`;
const delivered: number[] = [];
const direct: number[] = [];
try {
  const deadline = Date.now() + 30_000;
  while (!(await fetch(`${base}/-/ready`).catch(() => undefined))?.ok) {
    if (Date.now() > deadline) throw new Error('alertmanager did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  const log = createLogger({ format: 'text', out: () => {}, err: (l) => console.error(l) });
  const ctx = { source: 'bench', pageUrl: 'http://localhost:8080/' };
  const delivery = createAlertDelivery({ ...ctx, alertmanager: base, log });
  const alert = (i: number, tag: string): AlertPayload => ({
    v: 1,
    id: `share-skew:${tag}-${i}`,
    state: 'firing',
    t: Date.now(),
    since: Date.now(),
    rule: 'share-skew',
    servers: [`${tag}-${i}`],
    cause: 'load-balancer',
    message: `${tag}-${i} gets 2.2x its weighted share`,
  });
  /** ms until Alertmanager lists an alert with these servers, polling as fast as it answers */
  const held = async (servers: string, since: number) => {
    const query = `${base}/api/v2/alerts?filter=${encodeURIComponent(`servers="${servers}"`)}`;
    for (;;) {
      const list = (await (await fetch(query)).json()) as unknown[];
      if (list.length > 0) return performance.now() - since;
      if (performance.now() - since > 10_000) throw new Error(`${servers} never arrived`);
    }
  };
  for (let i = 0; i < ALERTS; i++) {
    let start = performance.now();
    delivery.transition(alert(i, 'queued'));
    delivered.push(await held(`queued-${i}`, start));
    start = performance.now();
    void postJson(alertmanagerEndpoint(base), [alertmanagerAlert(alert(i, 'direct'), ctx)]);
    direct.push(await held(`direct-${i}`, start));
  }
  delivery.stop();
} finally {
  am.kill('SIGTERM');
  await once(am, 'exit');
  rmSync(dir, { recursive: true, force: true });
}

const rows = [
  ['what', 'Skewboard', 'peer, same run'],
  [
    `detector, 500 servers, per frame (median of ${RUNS} x ${FRAMES})`,
    `${ms(perFrame)}: ${(coreShare * 100).toFixed(2)}% of a core at ${FPS}/s; ${fired / RUNS} transitions`,
    `JSON.stringify of the frame: ${ms(peerPerFrame)} (${ratio(perFrame / peerPerFrame)})`,
  ],
  [
    `transition -> held by Alertmanager (${ALERTS} alerts)`,
    `p50 ${ms(median(delivered))}, p99 ${ms(percentile(delivered, 99))}`,
    `direct POST: p50 ${ms(median(direct))}, p99 ${ms(percentile(direct, 99))}`,
  ],
];
console.log(table(rows));
const goals = [
  goal(
    'detector at 500 servers x 10/s',
    '<= 5% of a core',
    `${(coreShare * 100).toFixed(2)}%`,
    coreShare <= 0.05,
  ),
  goal(
    'alert to Alertmanager, p99',
    '<= 1 s',
    ms(percentile(delivered, 99)),
    percentile(delivered, 99) <= 1000,
  ),
];
console.log(goalTable(goals));
writeResult({
  benchmark: 'gateway-alerts',
  figures: {
    detectorMsPerFrame: perFrame,
    stringifyMsPerFrame: peerPerFrame,
    coreShareAt10Fps: coreShare,
    deliveredMs: { p50: median(delivered), p99: percentile(delivered, 99) },
    directMs: { p50: median(direct), p99: percentile(direct, 99) },
  },
  goals,
});
