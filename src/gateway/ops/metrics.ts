/**
 * `GET /metrics` (CONTRACT section 4): the gateway's own figures and each server's share of
 * its pool, in Prometheus' text format, written by prom-client. Shares are computed when
 * Prometheus scrapes, over the detector's window, from frames the hub has sent.
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { RULES } from '../../core/detector/alert';
import { DEFAULT_CONFIG } from '../../core/detector/config';
import { ingest } from '../../core/ingest/ingest';
import type { Frame, Hello } from '../../core/protocol/protocol';
import { SeriesStore } from '../../core/series/series-store';
import { shareWindow } from '../../core/share/share-window';
import { NO_ALERTS, type FiringAlerts } from './alert-payload';

/** One receiver's delivery counts (the retry queue's). */
export interface DeliveryStats {
  queued: number;
  sent: number;
  failed: number;
  dropped: number;
}

export interface GatewayMetricsOptions {
  /** connected Socket.IO clients now */
  clients: () => number;
  firingAlerts?: FiringAlerts;
  /** payloads from the source dropped as invalid, since the start */
  rejected?: () => number;
  /** whether the source delivers (`/readyz`) */
  ready?: () => boolean;
  /** the span the shares are taken over; the detector's by default */
  windowMs?: number;
  /** process_* and nodejs_* metrics; off in tests that make many registries */
  defaultMetrics?: boolean;
}

const LINT_FAILING_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/** most frames held for the share window: 20 s at 10 frames a second, and then some */
const STORE_FRAMES = 1024;

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly store: SeriesStore;
  private readonly frames: Counter;

  constructor(private readonly opts: GatewayMetricsOptions) {
    // frames no older than the window: a server with no sample in it leaves the store, so a
    // fleet that churns holds only the servers the shares can name
    this.store = new SeriesStore({ capacity: STORE_FRAMES, maxAgeMs: this.windowMs() });
    const registers = [this.registry];
    if (opts.defaultMetrics !== false) {
      collectDefaultMetrics({ register: this.registry });
      // gauges named like counters: promtool refuses them, and each has a twin without _total
      for (const name of LINT_FAILING_DEFAULTS) this.registry.removeSingleMetric(name);
    }
    this.frames = new Counter({
      name: 'skewboard_frames_total',
      help: 'Frames the gateway took from its source and sent to its clients.',
      registers,
    });
    const rejected = opts.rejected;
    new Gauge({
      name: 'skewboard_rejected_payloads',
      help: 'Payloads from the source dropped as invalid since the gateway started.',
      registers,
      collect() {
        this.set(rejected?.() ?? 0);
      },
    });
    new Gauge({
      name: 'skewboard_clients',
      help: 'Socket.IO clients connected now (pages, scripts).',
      registers,
      collect() {
        this.set(opts.clients());
      },
    });
    const ready = opts.ready;
    new Gauge({
      name: 'skewboard_source_ready',
      help: '1 when the source delivered a frame within its last 3 intervals (/readyz), else 0.',
      registers,
      collect() {
        this.set(ready?.() === false ? 0 : 1);
      },
    });
    const firing = opts.firingAlerts ?? NO_ALERTS;
    new Gauge({
      name: 'skewboard_alerts_firing',
      help: "Alerts of each rule firing now, from the gateway's detector.",
      labelNames: ['rule'],
      registers,
      collect() {
        const counts = new Map<string, number>(RULES.map((r) => [r, 0]));
        for (const alert of firing()) counts.set(alert.rule, (counts.get(alert.rule) ?? 0) + 1);
        for (const [rule, n] of counts) this.set({ rule }, n);
      },
    });
    const shares = () => shareWindow(this.store, this.windowMs()).shares;
    const store = this.store;
    new Gauge({
      name: 'skewboard_share_frame_seq',
      help: 'Seq of the newest frame the shares are taken over (-1: none yet).',
      registers,
      collect() {
        this.set(store.newestSeq);
      },
    });
    const windowMs = () => this.windowMs();
    new Gauge({
      name: 'skewboard_share_window_seconds',
      help: "The span each share is taken over: the detector's window.",
      registers,
      collect() {
        this.set(windowMs() / 1000);
      },
    });
    new Gauge({
      name: 'skewboard_server_share',
      help: "Each server's share of its pool's requests over the detector's window, 0..1.",
      labelNames: ['server', 'pool'],
      registers,
      collect() {
        this.reset();
        for (const s of shares()) {
          // no traffic in the pool: no share to state, so no sample
          if (!Number.isNaN(s.share)) this.set({ server: s.id, pool: s.pool }, s.share);
        }
      },
    });
    new Gauge({
      name: 'skewboard_server_expected_share',
      help: "Each server's weight over the weights of its pool's servers that are up, 0..1.",
      labelNames: ['server', 'pool'],
      registers,
      collect() {
        this.reset();
        for (const s of shares()) this.set({ server: s.id, pool: s.pool }, s.expected);
      },
    });
  }

  /** Takes what the hub sends; the recorder's hook, so /metrics reads what the pages read. */
  readonly observe = (type: string, payload: object): void => {
    if (type === 'hello') {
      ingest({ series: this.store }, [{ hello: payload as Hello }]);
    } else if (type === 'frame') {
      this.frames.inc();
      ingest({ series: this.store }, [{ frame: payload as Frame }]);
    }
  };

  /** The exposition text and its content type. */
  /**
   * Alert delivery, per receiver (`alertmanager`, `webhook`): what was sent, what failed (an
   * attempt each), what the full queue dropped, and what waits. Read when scraped.
   */
  deliveries(read: () => Record<string, DeliveryStats>): void {
    const registers = [this.registry];
    new Counter({
      name: 'skewboard_alert_deliveries_total',
      help: 'Alert deliveries by receiver and result: sent, failed (each failed attempt), dropped.',
      labelNames: ['receiver', 'result'],
      registers,
      collect() {
        this.reset();
        for (const [receiver, st] of Object.entries(read())) {
          this.inc({ receiver, result: 'sent' }, st.sent);
          this.inc({ receiver, result: 'failed' }, st.failed);
          this.inc({ receiver, result: 'dropped' }, st.dropped);
        }
      },
    });
    new Gauge({
      name: 'skewboard_alert_delivery_queue',
      help: 'Alert deliveries waiting to be sent, by receiver.',
      labelNames: ['receiver'],
      registers,
      collect() {
        this.reset();
        for (const [receiver, st] of Object.entries(read())) this.set({ receiver }, st.queued);
      },
    });
  }

  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private windowMs(): number {
    return this.opts.windowMs ?? DEFAULT_CONFIG.windowMs;
  }
}
