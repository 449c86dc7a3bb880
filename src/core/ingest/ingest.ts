/**
 * ingest(batch): hellos and frames into the series store, then the detector told of each frame
 * the store took, so it judges that frame over the same columns the views read. Live, replay
 * and the gateway come in through here: one place decides what a payload changes.
 */
import type { AlertEvent, Detector } from '../detector';
import type { Frame, Hello } from '../protocol/protocol';
import type { FrameColumns, PushResult, SeriesStore } from '../series/series-store';

/** A frame already read into columns (a recording's line, by the frame-line scanner). */
export interface ColumnFrame {
  seq: number;
  t: number;
  intervalMs: number;
  samples: FrameColumns;
}

/** One payload to take in. */
export type IngestItem = { hello: Hello } | { frame: Frame } | { columns: ColumnFrame };

/** Where a batch goes. */
export interface IngestTarget {
  series: SeriesStore;
  /** judges each frame the store takes; none on a live page (the gateway's alerts are shown) */
  detector?: Detector;
}

/** What a batch changed. */
export interface IngestChange {
  /** frames the store took (a repeated or out-of-order one is not) */
  appended: number;
  /** a hello or a frame added or dropped servers */
  serversChanged: boolean;
  /** the detector's transitions, in order */
  events: AlertEvent[];
}

export function ingest(target: IngestTarget, batch: readonly IngestItem[]): IngestChange {
  const { series, detector } = target;
  const change: IngestChange = { appended: 0, serversChanged: false, events: [] };
  for (const item of batch) {
    if ('hello' in item) {
      if (series.setServers(item.hello.servers)) change.serversChanged = true;
      detector?.hello(item.hello);
      continue;
    }
    let frame: Frame | ColumnFrame;
    let pushed: PushResult;
    if ('frame' in item) {
      frame = item.frame;
      pushed = series.push(frame);
    } else {
      frame = item.columns;
      pushed = series.pushColumns(frame.seq, frame.t, frame.samples);
    }
    if (pushed.kind !== 'appended') continue;
    change.appended++;
    if (pushed.serversAdded || pushed.serversDropped) change.serversChanged = true;
    if (detector) change.events.push(...detector.judge(series, frame));
  }
  return change;
}
