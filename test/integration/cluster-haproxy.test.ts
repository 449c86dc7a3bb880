/**
 * The README's HAProxy in front of a cluster, run for real: its configuration block, as written
 * there, on loopback ports in front of two gateways sharing Debian's redis-server. A Socket.IO
 * client on the websocket transport connects through HAProxy to the gateway that runs the
 * source; that one is SIGKILLed, and the client, reconnecting through HAProxy as a page does,
 * resumes on the other with no frame skipped or repeated.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { Frame, Hello } from '../../src/core/protocol/protocol';
import { ROOT, freePort, startGateway, tempDir, type RunningGateway } from '../e2e/harness';
import { cleanupsAfterEach, needs, runChild, startRedis, until } from '../support/services';

const later = cleanupsAfterEach();
const TEST_MS = 150_000;

/**
 * The README's configuration under "Running more than one gateway", listening on `front` with
 * its servers on `ports`; throws when the README's block no longer has that shape.
 */
function readmeHaproxyConfig(front: number, ports: number[]): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Running more than one gateway'));
  const block = /```haproxy\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('README: no haproxy block under the cluster section');
  let servers = 0;
  const config = block
    .replace(/^ {2}bind :\d+$/m, `  bind 127.0.0.1:${front}`)
    .replace(
      /^( {2}server gw\d+ )\S+/gm,
      (_, head: string) => `${head}127.0.0.1:${ports[servers++]}`,
    );
  if (servers !== ports.length || !config.includes(`bind 127.0.0.1:${front}`)) {
    throw new Error(`README's haproxy block changed shape:\n${block}`);
  }
  return config;
}

/** HAProxy's own view of a server, from its exporter: 'UP', 'DOWN', ... */
async function serverState(exporterUrl: string, server: string): Promise<string | undefined> {
  const text = await fetch(exporterUrl)
    .then((r) => r.text())
    .catch(() => '');
  const line = new RegExp(
    `^haproxy_server_status\\{proxy="gateways",server="${server}",state="([A-Z]+)"\\} 1$`,
    'm',
  );
  return line.exec(text)?.[1];
}

const clientsOf = async (gw: RunningGateway) => {
  const text = await fetch(`${gw.url}metrics`).then((r) => r.text());
  return Number(/^skewboard_clients (\d+)$/m.exec(text)?.[1] ?? NaN);
};

/** The seqs that are not one more than the one before: holes and repeats. */
const breaks = (frames: Frame[]) =>
  frames
    .slice(1)
    .flatMap((f, i) => (f.seq === frames[i]!.seq + 1 ? [] : [`${frames[i]!.seq}->${f.seq}`]));

describe("the README's HAProxy in front of a cluster", () => {
  it(
    'keeps a websocket client receiving frames, resumed on the other gateway, when the one behind it is SIGKILLed',
    async () => {
      needs('haproxy', '-v', 'haproxy');
      const redis = await startRedis(later);
      const [front, exporter, holderPort, followerPort] = [
        await freePort(),
        await freePort(),
        await freePort(),
        await freePort(),
      ];
      const member = async (port: number) => {
        const gw = await startGateway(['--redis', redis.url, '--no-record', '--speed', '60'], port);
        later(() => gw.stop());
        return gw;
      };
      const holder = await member(holderPort);
      await until(
        30_000,
        () => holder.output().includes('took the lease'),
        () => `no lease taken:\n${holder.output()}`,
      );

      const dir = await tempDir();
      later(() => dir.remove());
      const config = [
        readmeHaproxyConfig(front, [holderPort, followerPort]),
        // not in the README: HAProxy's exporter, so the test sees what HAProxy thinks
        'frontend prometheus',
        `  bind 127.0.0.1:${exporter}`,
        '  http-request use-service prometheus-exporter if { path /metrics }',
        '',
      ].join('\n');
      await writeFile(join(dir.path, 'haproxy.cfg'), config);
      const haproxy = runChild('haproxy', ['-f', join(dir.path, 'haproxy.cfg'), '-db'], later);
      const exporterUrl = `http://127.0.0.1:${exporter}/metrics`;
      await until(
        20_000,
        async () => (await serverState(exporterUrl, 'gw1')) === 'UP',
        () => `HAProxy never saw the holder ready:\n${haproxy.output()}`,
      );

      // only the holder is up: the client lands on it
      const frames: Frame[] = [];
      let gatewayId: string | undefined;
      const socket = io(`http://127.0.0.1:${front}`, {
        transports: ['websocket'],
        forceNew: true,
        // as the page does: resume after the last frame held, in the numbering it came from
        auth: (cb) =>
          cb({
            ...(frames.length > 0 && { resumeAfterSeq: frames.at(-1)!.seq }),
            ...(gatewayId !== undefined && { gatewayId }),
          }),
      });
      later(() => void socket.close());
      socket.on('hello', (h: Hello) => (gatewayId = h.gatewayId));
      socket.on('frame', (f: Frame) => frames.push(f));
      await until(
        30_000,
        () => frames.length >= 10,
        () => `no frames through HAProxy:\n${haproxy.output()}`,
      );
      expect(await clientsOf(holder)).toBe(1);

      const follower = await member(followerPort);
      await until(
        30_000,
        async () => (await serverState(exporterUrl, 'gw2')) === 'UP',
        () => `HAProxy never saw the second gateway ready:\n${haproxy.output()}`,
      );

      await holder.kill();
      const heldAtKill = frames.at(-1)!.seq;
      await until(
        60_000,
        () => frames.at(-1)!.seq > heldAtKill + 10,
        () =>
          `no frames after the kill (held ${heldAtKill}, now ${frames.at(-1)!.seq}):\n${haproxy.output()}\n${follower.output()}`,
      );
      expect(await clientsOf(follower)).toBe(1);
      expect(breaks(frames)).toEqual([]);
    },
    TEST_MS,
  );
});
