/**
 * A parsed recording turned into what a review reads: its frames in one typed-array store sized
 * to fit them all, the annotations as they stood at the end (removals applied), and the hello
 * and frames the detector replays.
 */
import type { AlertEvent, Detector } from '../detector';
import { ingest, type IngestItem } from '../ingest/ingest';
import type { Annotation, Frame, Hello } from '../protocol/protocol';
import type { RecordedPayload } from './recording';
import type { FrameLineScanner } from './frame-line-scanner';
import { SeriesStore } from '../series/series-store';

export type DetectorInput = (
  { type: 'hello'; payload: Hello } | { type: 'frame'; payload: Frame }
)[];

/** What a review shows: the store, and the annotations as they stood at the end. */
export interface RecordingView {
  /** the first hello: the recording's source, servers and interval */
  hello: Hello;
  series: SeriesStore;
  annotations: Annotation[];
}

/** What the detector and an export read: the frames as objects. */
export interface RecordingFrames {
  /** the frames kept, numbered 0, 1, 2... in the order they were recorded */
  frames: Frame[];
  detectorInput: DetectorInput;
}

export type RecordingContents = RecordingView & RecordingFrames;

/** frames a store starts with room for; it doubles as a recording proves longer */
const FIRST_CAPACITY = 1024;

/**
 * Unpacks a recording payload by payload, as its lines are parsed: each goes through ingest,
 * so the store grows as the frames come and nothing is left to do once the last line is read.
 * The detector then judges the frames over the same store's columns (judge), after the review
 * is on screen. Frame lines read straight from their bytes (addScanned) keep their bytes: they
 * become objects only when the frames are asked for (an export, a draft).
 */
export class RecordingUnpacker {
  private series = new SeriesStore({ capacity: FIRST_CAPACITY, maxAgeMs: Infinity });
  /** each frame's interval, by its number: the store keeps its t, not its interval */
  private readonly intervals: number[] = [];
  private readonly annotations = new Map<string, Annotation>();
  /** hellos and frames in order: a frame as an object, or the bytes of its line */
  private readonly order: (DetectorInput[number] | Uint8Array)[] = [];
  private frameCount = 0;
  private hello: Hello | undefined;

  add(item: RecordedPayload): void {
    if (item.type === 'hello') {
      this.hello ??= item.payload;
      this.take({ hello: item.payload });
      this.order.push(item);
    } else if (item.type === 'frame') {
      this.makeRoom();
      // a recording may span gateway restarts, each numbering afresh: number the frames anew
      const frame = { ...item.payload, seq: this.frameCount };
      if (this.take({ frame })) {
        this.intervals.push(frame.intervalMs);
        this.frameCount++;
        this.order.push({ type: 'frame', payload: frame });
      }
    } else if (item.type === 'annotation') {
      this.annotations.set(item.payload.id, item.payload);
    } else if (item.type === 'annotation:remove') {
      this.annotations.delete(item.payload.id);
    }
    // alert lines are the gateway's record: a review runs its own detector over the frames
  }

  /** A frame line the scanner has read and checked; `line` is its bytes. */
  addScanned(frame: FrameLineScanner, line: Uint8Array): void {
    this.makeRoom();
    const { t, intervalMs } = frame;
    if (this.take({ columns: { seq: this.frameCount, t, intervalMs, samples: frame } })) {
      this.intervals.push(intervalMs);
      this.frameCount++;
      this.order.push(line);
    }
  }

  /**
   * Runs `detector` over the hellos and frames so far, in order, reading each frame's window
   * from the store they were unpacked into; returns its transitions.
   */
  judge(detector: Detector): AlertEvent[] {
    const { series } = this;
    const events: AlertEvent[] = [];
    let k = 0;
    for (const item of this.order) {
      if (!(item instanceof Uint8Array) && item.type === 'hello') {
        detector.hello(item.payload);
        continue;
      }
      const t = series.times[series.slot(k)]!;
      events.push(...detector.judge(series, { t, intervalMs: this.intervals[k++]! }));
    }
    return events;
  }

  /** Into the store; whether a frame was taken. */
  private take(item: IngestItem): boolean {
    return ingest({ series: this.series }, [item]).appended > 0;
  }

  /** The store, cut to fit its frames when it is far from full, and the annotations. */
  finish(): RecordingView {
    if (this.hello === undefined) throw new Error('unpackRecording: the recording holds no hello');
    const { series } = this;
    // a store that doubled holds up to half its room empty: cut it to fit only when a
    // quarter or more is empty, as the copy costs a fresh allocation of every column
    const fits = series.length >= series.capacity * 0.75;
    return {
      hello: this.hello,
      // a copy either way: the unpacker's own stays for judge(), the view's may be transferred
      series: series.resized(fits ? series.capacity : Math.max(1, series.length)),
      annotations: [...this.annotations.values()],
    };
  }

  /** The frames as objects; the scanned lines are parsed now (the scanner checked them). */
  frames(): RecordingFrames {
    const decoder = new TextDecoder();
    const frames: Frame[] = [];
    const detectorInput: DetectorInput = [];
    for (const item of this.order) {
      if (!(item instanceof Uint8Array)) {
        if (item.type === 'frame') frames.push(item.payload);
        detectorInput.push(item);
        continue;
      }
      const frame = JSON.parse(decoder.decode(item)) as Frame & { type?: 'frame' };
      // as a frame read as text: no type, numbered anew, its keys in their order
      delete frame.type;
      frame.seq = frames.length;
      frames.push(frame);
      detectorInput.push({ type: 'frame', payload: frame });
    }
    return { frames, detectorInput };
  }

  private makeRoom(): void {
    if (this.series.length === this.series.capacity) {
      this.series = this.series.resized(this.series.capacity * 2);
    }
  }
}

/** `payloads` must start with a hello, as a parsed recording does. */
export function unpackRecording(payloads: readonly RecordedPayload[]): RecordingContents {
  const unpacker = new RecordingUnpacker();
  for (const p of payloads) unpacker.add(p);
  return { ...unpacker.finish(), ...unpacker.frames() };
}
