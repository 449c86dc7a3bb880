/**
 * The stand-ins for a backend's servers: one HTTP server each on a free loopback port, counting
 * the test requests it serves by profile (health checks carry no profile and are not counted).
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROFILE_HEADER } from '../../core/lb-verdict/traffic-profiles';

export interface Stubs {
  ports: number[];
  /** requests each stub served for the profile, in the order of the names given */
  served(profile: string): number[];
  close(): Promise<void>;
}

export async function startStubs(names: readonly string[]): Promise<Stubs> {
  const counts = names.map(() => new Map<string, number>());
  const servers: Server[] = names.map((name, i) =>
    createServer((req, res) => {
      const tag = req.headers[PROFILE_HEADER];
      if (typeof tag === 'string') counts[i]!.set(tag, (counts[i]!.get(tag) ?? 0) + 1);
      // "OK" so that a health check expecting a string or a 2xx passes
      res.end(`OK from the stub of ${name}\n`);
    }),
  );
  const close = async () => {
    await Promise.all(
      servers.map(async (s) => {
        s.closeAllConnections();
        if (s.listening) await new Promise((r) => s.close(r));
      }),
    );
  };
  try {
    for (const s of servers) {
      s.listen(0, '127.0.0.1');
      await once(s, 'listening');
    }
  } catch (err) {
    await close();
    throw err;
  }
  return {
    ports: servers.map((s) => (s.address() as AddressInfo).port),
    served: (profile) => counts.map((c) => c.get(profile) ?? 0),
    close,
  };
}

/** A port nothing listens on now, on 127.0.0.1, for the balancer's frontend. */
export async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}
