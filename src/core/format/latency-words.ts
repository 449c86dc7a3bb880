/**
 * What the page and the alerts call a server's latency figure: its p95, or, when the source
 * only knows a mean (`hello.latency` "mean": HAProxy), its mean latency, which must never be
 * shown as a p95 (p50 = p95 = p99 = that mean in its frames).
 */
import type { LatencyKind } from '../protocol/protocol';

/** The words for one kind of latency. */
export interface LatencyWords {
  /** the figure in a sentence: "its p95 is 30x the pool's", "p95 of app-03 is 500 ms" */
  figure: string;
  /** a heading or a scale: "p95 latency by server" */
  heading: string;
  /** a table column */
  column: string;
}

const WORDS: Record<LatencyKind, LatencyWords> = {
  quantiles: { figure: 'p95', heading: 'p95 latency', column: 'p95' },
  mean: { figure: 'mean latency', heading: 'mean latency', column: 'mean' },
};

/** The words for a source's latency; a hello without `latency` has quantiles. */
export const latencyWords = (kind: LatencyKind | undefined): LatencyWords =>
  WORDS[kind ?? 'quantiles'];
