/**
 * `serve --redis`: this gateway as one of a cluster sharing a Redis (CONTRACT section 3, "Many
 * gateways"). Every gateway serves its viewers from the cluster's stream; the one holding the
 * lease also runs the source, the detector, the alert delivery and the recorder, and publishes
 * what they make. When the holder dies its lease expires and another gateway takes over,
 * carrying on the numbering, the source and the alerts. While Redis is away a gateway says so
 * and serves what it holds; node-redis reconnects, and the gateway rejoins by itself.
 */
import type { LiveAlerts } from '../../core/detector';
import {
  gatewayEvents,
  type Frame,
  type GatewayEventName,
  type Hello,
} from '../../core/protocol/protocol';
import type { Hub } from '../hub';
import type { Logger } from '../ops/logger';
import type { SourceSink } from '../sources/source';
import { clusterKeys, type ClusterKeys } from './keys';
import { Lease } from './lease';
import { redisLink, type RedisLink } from './redis-link';
import { compareEntryIds, newestEntryId, publishEntry, readEntries } from './stream-log';
import { takeoverSink } from './takeover-gap';

export interface ClusterOptions {
  url: string;
  /** this gateway, in the lease and the log */
  name: string;
  /** frames the stream keeps for resuming clients: the hub's buffer */
  bufferFrames: number;
  logger: Logger;
  /** how long a lease lives unrenewed (5 s): a dead holder is replaced within about this */
  leaseMs?: number;
  /** how often the holder renews it and the others try to take it (1 s) */
  renewMs?: number;
  prefix?: string;
}

/** What this gateway does when it holds the lease, given by `serve`. */
export interface HolderRole {
  /** a fresh detector, for each takeover */
  newAlerts(): LiveAlerts;
  /** starts the source after the cluster's last hello and frame; returns how to stop it */
  runSource(sink: SourceSink, last: { hello: Hello; frame?: Frame }): () => void;
  /** true just before this gateway takes over (the hub's alerts are the stream's), false when it lost the lease */
  holding(holding: boolean): void;
}

// besides the frames: hellos, annotations, alerts; the stream keeps about this many more
const OTHER_ENTRIES = 1000;
const CATCH_UP_MS = 2000;

export class Cluster {
  private readonly keys: ClusterKeys;
  private readonly main: RedisLink;
  private readonly reader: RedisLink;
  private readonly lease: Lease;
  private readonly renewMs: number;
  private hub: Hub | undefined;
  private role: HolderRole | undefined;
  private holder = false;
  private joined = false;
  private stopped = false;
  private lastId = '0-0';
  private renewedAt = 0;
  private stopSource: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private publishFailing = false;

  constructor(private readonly opts: ClusterOptions) {
    this.keys = clusterKeys(opts.prefix);
    // Redis shows these in CLIENT LIST: which gateway holds which connection
    this.main = redisLink(opts.url, `skewboard:${opts.name}`);
    this.reader = redisLink(opts.url, `skewboard:${opts.name}:reader`);
    this.lease = new Lease(this.main, this.keys.lease, opts.name, opts.leaseMs ?? 5000);
    this.renewMs = opts.renewMs ?? 1000;
  }

  /** Whether this gateway runs the source now (the recorder records only then). */
  get holding(): boolean {
    return this.holder;
  }

  /** The hub's publish hook: one payload into the stream, for every gateway. */
  readonly publish = (event: GatewayEventName, payload: object): void => {
    const maxLength = this.opts.bufferFrames + OTHER_ENTRIES;
    publishEntry(this.main, this.keys, maxLength, this.opts.name, event, payload).then(
      (added) => {
        if (this.publishFailing) this.opts.logger.info('redis: publishing again');
        this.publishFailing = false;
        if (!added) this.lose('another gateway holds the lease');
      },
      (err: unknown) => {
        if (!this.publishFailing) {
          this.opts.logger.warn(`redis: could not publish a ${event}: ${messageOf(err)}`);
        }
        this.publishFailing = true;
      },
    );
  };

  /** Joins the cluster: reads its stream into `hub`, and takes the lease when it is free. */
  start(hub: Hub, role: HolderRole): void {
    this.hub = hub;
    this.role = role;
    hub.clusterTrouble(this.problem(this.main.problem));
    let wasDown = false;
    this.main.onChange((problem) => {
      hub.clusterTrouble(this.problem(problem));
      if (problem === undefined) {
        if (wasDown) this.opts.logger.info('redis reachable again: rejoining the cluster');
        wasDown = false;
        void this.join();
      } else if (!wasDown) {
        wasDown = true;
        this.opts.logger.warn(
          `redis unreachable: ${problem}; serving what this gateway holds until it is back`,
          { problem },
        );
      }
    });
    const tick = async () => {
      await this.leaseStep();
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.renewMs);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.holder) {
      this.stopSource?.();
      // the next gateway takes over at once instead of waiting for the lease to expire
      await this.lease.release().catch(() => {});
    }
    await Promise.all([this.main.close(), this.reader.close()]);
  }

  private problem(problem: string | undefined): string | undefined {
    return problem === undefined ? undefined : `redis ${problem}`;
  }

  private joining: Promise<void> | undefined;

  private join(): Promise<void> {
    this.joining ??= this.joinOnce().finally(() => (this.joining = undefined));
    return this.joining;
  }

  /** The numbering, then (the first time) what the stream no longer holds, then the stream. */
  private async joinOnce(): Promise<void> {
    const hub = this.hub!;
    try {
      await this.main.command(['SET', this.keys.numbering, hub.gatewayId, 'NX']);
      const numbering = await this.main.command(['GET', this.keys.numbering]);
      if (typeof numbering === 'string') hub.joinNumbering(numbering);
      if (this.joined) return;
      const hello = await this.main.command(['GET', this.keys.hello]);
      if (typeof hello === 'string') this.deliver('hello', hello);
      for (const event of ['annotation', 'alert'] as const) {
        const key = event === 'annotation' ? this.keys.annotations : this.keys.alerts;
        const fields = await this.main.command(['HGETALL', key]);
        if (!Array.isArray(fields)) continue;
        for (let i = 1; i < fields.length; i += 2) this.deliver(event, String(fields[i]));
      }
      this.joined = true;
      void this.readLoop();
    } catch (err) {
      this.opts.logger.warn(`redis: could not join the cluster: ${messageOf(err)}; trying again`);
    }
  }

  private async readLoop(): Promise<void> {
    while (!this.stopped) {
      try {
        const entries = await readEntries(this.reader, this.keys, this.lastId, 1000);
        for (const entry of entries) {
          this.lastId = entry.id;
          this.deliver(entry.event, entry.json);
        }
      } catch {
        // the link says why (and reconnects); the stream is read again from where it stopped
        await sleep(500);
      }
    }
  }

  private deliver(event: string, json: string): void {
    const name = Object.hasOwn(gatewayEvents, event) ? (event as GatewayEventName) : 'frame';
    let payload: unknown;
    try {
      payload = JSON.parse(json);
    } catch {
      payload = undefined;
    }
    // the hub validates it, and counts and names what it drops
    this.hub!.receive(name, payload);
  }

  private async leaseStep(): Promise<void> {
    try {
      if (this.holder) {
        if (await this.lease.renew()) this.renewedAt = Date.now();
        else this.lose('another gateway holds the lease');
      } else if (this.main.problem === undefined) {
        if (!this.joined) await this.join();
        if (this.joined && (await this.lease.take())) {
          this.renewedAt = Date.now();
          await this.takeOver().catch(async (err: unknown) => {
            this.lose(`the takeover failed: ${messageOf(err)}`);
            await this.lease.release();
          });
        }
      }
    } catch (err) {
      // renewals failing: give the source up before the lease can expire and pass to another
      if (this.holder && Date.now() - this.renewedAt > this.lease.ttlMs - this.renewMs) {
        this.lose(`the lease could not be renewed: ${messageOf(err)}`);
      }
    }
  }

  private async takeOver(): Promise<void> {
    const hub = this.hub!;
    const role = this.role!;
    this.holder = true;
    // what the previous holder published is read first: its last frame, hello and alerts
    const newest = await newestEntryId(this.main, this.keys);
    const deadline = Date.now() + CATCH_UP_MS;
    while (newest && compareEntryIds(this.lastId, newest) < 0 && Date.now() < deadline) {
      await sleep(20);
    }
    await this.reseed();
    if (!this.holder) return;
    role.holding(true);
    hub.takeOver(role.newAlerts());
    const last = hub.log.newest;
    this.stopSource = role.runSource(takeoverSink(hub, last?.t, this.opts.name), {
      hello: hub.hello(),
      ...(last && { frame: last }),
    });
    this.opts.logger.info(
      `took the lease: ${this.opts.name} runs the source${last ? `, carrying on after seq ${last.seq}` : ''}`,
      { holder: this.opts.name, ...(last && { afterSeq: last.seq }) },
    );
  }

  /** A Redis that restarted empty gets back the notes and the firing alerts this gateway holds. */
  private async reseed(): Promise<void> {
    const hub = this.hub!;
    const notes = [...hub.annotations.values()];
    if (notes.length > 0 && (await this.main.command(['EXISTS', this.keys.annotations])) === 0) {
      const fields = notes.flatMap((a) => [a.id, JSON.stringify(a)]);
      await this.main.command(['HSET', this.keys.annotations, ...fields]);
    }
    for (const alert of hub.firingAlerts()) {
      await this.main.command(['HSETNX', this.keys.alerts, alert.id, JSON.stringify(alert)]);
    }
  }

  private lose(why: string): void {
    if (!this.holder) return;
    this.holder = false;
    this.stopSource?.();
    this.stopSource = undefined;
    this.role?.holding(false);
    this.opts.logger.warn(
      `lost the lease (${why}): stopped the source; serving the cluster's stream`,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
