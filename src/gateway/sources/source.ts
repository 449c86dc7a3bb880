import type { Annotation, Hello, Sample } from '../../core/protocol/protocol';

/**
 * What a source says about itself; the gateway adds `v`, `now`, `oldestSeq` and its id.
 * `latency` "mean" when it only knows an average (HAProxy), so no one calls that a p95.
 */
export type SourceInfo = Pick<
  Hello,
  'source' | 'mode' | 'intervalMs' | 'tz' | 'servers' | 'speed' | 'latency'
>;

/** A frame before the gateway numbers it. */
export interface SourceFrame {
  t: number;
  intervalMs: number;
  samples: Sample[];
}

export type SourceAnnotation = Omit<Annotation, 'v'>;

/**
 * How a source is doing beyond its frames, for `/readyz`, the log and the page: a live system
 * that does not answer (and why), one that answers with nothing to show (`notice`: a query
 * with no series), or a recording played to its end, which is not a stall.
 */
export type SourceState =
  { kind: 'ok'; notice?: string } | { kind: 'failing'; problem: string } | { kind: 'finished' };

/** Where a source delivers what it produces. */
export interface SourceSink {
  info(info: SourceInfo): void;
  frame(frame: SourceFrame): void;
  annotation(annotation: SourceAnnotation): void;
  state?(state: SourceState): void;
}

/** A producer of frames: the simulator, a recording, a load balancer's stats. */
export interface Source {
  start(sink: SourceSink): void;
  stop(): void;
}
