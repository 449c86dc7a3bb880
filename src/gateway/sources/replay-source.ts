/**
 * `--source replay:<file>`: plays a recording as if live, each frame when its own `t` says,
 * compressed by `speed`; the hub numbers the frames as it does any source's. At the end it
 * stops sending and says so; the gateway keeps serving what it holds.
 */
import { basename } from 'node:path';
import type { Hello } from '../../core/protocol/protocol';
import type { RecordedPayload } from '../../core/recording/recording';
import { replayPlan, type ReplayStep } from '../../core/recording/replay-plan';
import type { Source, SourceInfo, SourceSink } from './source';

export interface ReplaySourceOptions {
  /** the recording's payloads, as read-recording loaded them */
  payloads: readonly RecordedPayload[];
  /** the file as given; its base name names the source */
  file: string;
  speed: number;
  /** frames already played by an earlier run of this gateway, to carry on after */
  skipFrames?: number;
  log?: (message: string) => void;
}

/** The name a replay announces in its hello. */
export const replaySourceName = (file: string) => `replay:${basename(file)}`;

export function replaySource(opts: ReplaySourceOptions): Source {
  const plan = replayPlan(opts.payloads, opts.skipFrames);
  const log = opts.log ?? ((m: string) => console.log(`skewboard: ${m}`));
  const source = replaySourceName(opts.file);
  const info = (h: Hello): SourceInfo => ({
    source,
    mode: 'replay',
    intervalMs: h.intervalMs,
    ...(h.tz !== undefined && { tz: h.tz }),
    // a recorded mean stays a mean when played again
    ...(h.latency !== undefined && { latency: h.latency }),
    servers: h.servers,
    speed: opts.speed,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;

  const play = (sink: SourceSink, step: ReplayStep) => {
    for (const item of step.items) {
      if (item.type === 'hello') {
        sink.info(info(item.payload));
      } else if (item.type === 'annotation') {
        // the hub sets `v` itself
        sink.annotation(item.payload);
      } else {
        const { t, intervalMs, samples } = item.payload;
        sink.frame({ t, intervalMs, samples });
      }
    }
  };

  return {
    start(sink) {
      sink.info(info(plan.hello));
      const { steps } = plan;
      const t0 = steps[0]?.t ?? 0;
      const started = performance.now();
      let next = 0;
      // every step already due is played at once: timers cannot keep up with a high speed
      const tick = () => {
        const played = (performance.now() - started) * opts.speed;
        while (next < steps.length && steps[next]!.t - t0 <= played) play(sink, steps[next++]!);
        if (next === steps.length) {
          log(`replay finished: ${plan.frames} frames of ${opts.file}`);
          sink.state?.({ kind: 'finished' });
          return;
        }
        const dueMs = (steps[next]!.t - t0) / opts.speed;
        timer = setTimeout(tick, Math.max(0, dueMs - (performance.now() - started)));
      };
      tick();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
