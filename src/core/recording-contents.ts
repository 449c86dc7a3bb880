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

/** frames a store starts with room for; it doubles as a recording proves longer */
const FIRST_CAPACITY = 1024;

/**
 * Unpacks a recording payload by payload, as its lines are parsed: the store grows as the
 * frames come, so nothing is left to do once the last line is read.
 */
export class RecordingUnpacker {
  private series = new SeriesStore({ capacity: FIRST_CAPACITY, maxAgeMs: Infinity });
  private readonly annotations = new Map<string, Annotation>();
  private readonly detectorInput: DetectorInput = [];
  private readonly frames: Frame[] = [];
  private hello: Hello | undefined;

  add(item: RecordedPayload): void {
    if (item.type === 'hello') {
      this.hello ??= item.payload;
      this.series.setServers(item.payload.servers);
      this.detectorInput.push(item);
    } else if (item.type === 'frame') {
      if (this.series.length === this.series.capacity) {
        this.series = this.series.resized(this.series.capacity * 2);
      }
      // a recording may span gateway restarts, each numbering afresh: number the frames anew
      const frame = { ...item.payload, seq: this.frames.length };
      if (this.series.push(frame).kind === 'appended') {
        this.frames.push(frame);
        this.detectorInput.push({ type: 'frame', payload: frame });
      }
    } else if (item.type === 'annotation') {
      this.annotations.set(item.payload.id, item.payload);
    } else {
      this.annotations.delete(item.payload.id);
    }
  }

  /** The contents, the store cut to fit its frames. */
  finish(): RecordingContents {
    if (this.hello === undefined) throw new Error('unpackRecording: the recording holds no hello');
    const { series } = this;
    return {
      hello: this.hello,
      frames: this.frames,
      series:
        series.length === series.capacity ? series : series.resized(Math.max(1, series.length)),
      annotations: [...this.annotations.values()],
      detectorInput: this.detectorInput,
    };
  }
}

/** `payloads` must start with a hello, as a parsed recording does. */
export function unpackRecording(payloads: readonly RecordedPayload[]): RecordingContents {
  const unpacker = new RecordingUnpacker();
  for (const p of payloads) unpacker.add(p);
  return unpacker.finish();
}
