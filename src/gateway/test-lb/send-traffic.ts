/**
 * Sends one traffic profile through the balancer: each request from its client's own source
 * address on 127.0.0.0/8, eight at a time, tagged with the profile so the stubs can count it.
 */
import { Agent, request } from 'node:http';
import {
  PROFILE_HEADER,
  requestPath,
  type TrafficProfile,
} from '../../core/lb-verdict/traffic-profiles';

// enough in flight to keep the balancer busy, few enough for two shared cores
const IN_FLIGHT = 8;
const REQUEST_TIMEOUT_MS = 10_000;

export interface TrafficResult {
  failed: number;
  /** what the first failed request got: a status, or the system's error */
  firstFailure?: string;
}

function get(
  port: number,
  path: string,
  profile: string,
  localAddress: string,
  agent: Agent | false,
): Promise<string | null> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        localAddress,
        agent,
        headers: { [PROFILE_HEADER]: profile, ...(agent === false ? { connection: 'close' } : {}) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200 ? null : `HTTP ${res.statusCode}`));
        res.on('error', (err) => resolve(err.message));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', (err) => resolve(err.message));
    req.end();
  });
}

/** One request through the balancer, for readiness: null when it was served. */
export const probe = (port: number) =>
  get(port, '/skewboard-test-lb/probe', 'probe', '127.0.0.1', false);

export async function sendTraffic(
  port: number,
  profile: TrafficProfile,
  urlParam?: string,
): Promise<TrafficResult> {
  const agents = profile.clients.map((address) =>
    profile.keepAlive
      ? new Agent({ keepAlive: true, maxSockets: 1, localAddress: address })
      : false,
  );
  const result: TrafficResult = { failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < profile.requests) {
      const i = next++;
      const client = i % profile.clients.length;
      const failure = await get(
        port,
        requestPath(profile, i, urlParam),
        profile.id,
        profile.clients[client]!,
        agents[client]!,
      );
      if (failure !== null) {
        result.failed++;
        result.firstFailure ??= failure;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, profile.requests) }, worker));
  } finally {
    for (const agent of agents) if (agent) agent.destroy();
  }
  return result;
}
