/**
 * A parsed recording turned into what a review reads: its frames in one typed-array store sized
 * to fit them all, the annotations as they stood at the end (removals applied), and the hello
 * and frames the detector replays.
 */
import type { Annotation, Frame, Hello } from './protocol';
import type { RecordedPayload } from './recording';
import { SeriesStore } from './series-store';

export type DetectorInput = (
  { type: 'hello'; payload: Hello } | { type: 'frame'; payload: Frame }
)[];

export interface RecordingContents {
  /** the first hello: the recording's source, servers and interval */
  hello: Hello;
  /** the frames kept, numbered 0, 1, 2... in the order they were recorded */
  frames: Frame[];
  series: SeriesStore;
  annotations: Annotation[];
  detectorInput: DetectorInput;
}

/** `payloads` must start with a hello, as a parsed recording does. */
export function unpackRecording(payloads: readonly RecordedPayload[]): RecordingContents {
  let frameCount = 0;
  for (const p of payloads) if (p.type === 'frame') frameCount++;
  const series = new SeriesStore({ capacity: Math.max(1, frameCount), maxAgeMs: Infinity });
  const annotations = new Map<string, Annotation>();
  const detectorInput: DetectorInput = [];
  let hello: Hello | undefined;
  const frames: Frame[] = [];
  let seq = 0;
  for (const item of payloads) {
    if (item.type === 'hello') {
      hello ??= item.payload;
      series.setServers(item.payload.servers);
      detectorInput.push(item);
    } else if (item.type === 'frame') {
      // a recording may span gateway restarts, each numbering afresh: number the frames anew
      const frame = { ...item.payload, seq: seq++ };
      if (series.push(frame).kind === 'appended') {
        frames.push(frame);
        detectorInput.push({ type: 'frame', payload: frame });
      }
    } else if (item.type === 'annotation') {
      annotations.set(item.payload.id, item.payload);
    } else {
      annotations.delete(item.payload.id);
    }
  }
  if (hello === undefined) throw new Error('unpackRecording: the recording holds no hello');
  return { hello, frames, series, annotations: [...annotations.values()], detectorInput };
}
