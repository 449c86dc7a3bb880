/**
 * One connection to the cluster's Redis (node-redis): commands fail at once while Redis is
 * away instead of queueing, the client reconnects by itself (every second at most), and what
 * went wrong is kept, without the URL's credentials, for `/readyz`, the log and the page.
 */
import { createClient } from '@redis/client';
import { withoutCredentials } from '../../core/sources/source-auth';

export type RedisReply = unknown;

export interface RedisLink {
  /** one command, its reply as Redis sent it (RESP2: strings, numbers, arrays, null) */
  command(args: string[]): Promise<RedisReply>;
  /** undefined while connected; else why not (`redis://host:6379: connect ECONNREFUSED ...`) */
  readonly problem: string | undefined;
  /** called on every change of `problem`, and on each (re)connection with undefined */
  onChange(listener: (problem: string | undefined) => void): void;
  close(): Promise<void>;
}

const RECONNECT_MAX_MS = 1000;

export function redisLink(url: string, name: string): RedisLink {
  const shown = withoutCredentials(url);
  const client = createClient({
    url,
    name,
    // arrays for XREAD and EVAL replies, as the commands below read them
    RESP: 2,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS),
    },
  });
  let problem: string | undefined = `${shown}: not connected yet`;
  const listeners: ((problem: string | undefined) => void)[] = [];
  const set = (next: string | undefined) => {
    if (next === problem && next !== undefined) return;
    problem = next;
    for (const listener of listeners) listener(next);
  };
  // node-redis reports every failed reconnect here; without a listener it would throw
  client.on('error', (err: Error) => set(`${shown}: ${err.message || err.name}`));
  client.on('ready', () => set(undefined));
  client.on('end', () => set(`${shown}: closed`));
  // resolves once connected, which may be never: the link serves without it meanwhile
  client.connect().catch(() => {});
  return {
    command: (args) => client.sendCommand(args) as Promise<RedisReply>,
    get problem() {
      return problem;
    },
    onChange: (listener) => void listeners.push(listener),
    async close() {
      listeners.length = 0;
      if (client.isOpen) client.destroy();
    },
  };
}
