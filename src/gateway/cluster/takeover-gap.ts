/**
 * The frames a takeover missed, said on the timeline: a poller that was not polled while no
 * gateway held the lease leaves a hole in time, and the new holder marks it with a `change`
 * annotation spanning it, so nobody reads the hole as a quiet fleet. A source that carries on
 * from the last frame's time (the simulator, a replay) leaves none, and nothing is added.
 */
import type { SourceAnnotation, SourceFrame, SourceSink } from '../sources/source';

export function takeoverGap(
  lastT: number,
  first: SourceFrame,
  holder: string,
): SourceAnnotation | undefined {
  const missed = Math.round((first.t - lastT) / first.intervalMs) - 1;
  if (!(missed > 0)) return undefined;
  return {
    id: `takeover:${first.t}`,
    t: lastT,
    endT: first.t,
    kind: 'change',
    title: `Gateway takeover: ${missed} ${missed === 1 ? 'frame' : 'frames'} missed`,
    text: `No gateway read the source while the lease changed hands; ${holder} carries on.`,
    source: 'skewboard',
  };
}

/** The sink a new holder's source writes to: the hub's, with the gap note before the first frame. */
export function takeoverSink(
  sink: SourceSink,
  lastT: number | undefined,
  holder: string,
): SourceSink {
  let first = lastT !== undefined;
  return {
    info: (info) => sink.info(info),
    annotation: (annotation) => sink.annotation(annotation),
    state: (state) => sink.state?.(state),
    frame(frame) {
      if (first) {
        first = false;
        const gap = takeoverGap(lastT!, frame, holder);
        if (gap) sink.annotation(gap);
      }
      sink.frame(frame);
    },
  };
}
