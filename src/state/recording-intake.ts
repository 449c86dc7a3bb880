/**
 * The worker side of opening a recording: takes the bytes as the page reads them, parses and
 * checks each line as it comes, ingests it into a typed-array store and hands the page a copy
 * of that store (transferred). Then the detector judges every frame over the worker's store,
 * so each frame is parsed once and a review's alerts are worked out without holding up the
 * page. It answers requests to export a window and for the postmortem draft, which read the
 * frames as objects, made then.
 * No DOM here: the worker entry wires it to postMessage, the tests call it directly.
 */
import { writePostmortemDraft, type DraftOptions } from '../core/postmortem/draft';
import { factsOfReview } from '../core/postmortem/draft-from-recording';
import { createDetector, type AlertEvent } from '../core/detector';
import type { Annotation, Hello } from '../core/protocol/protocol';
import { gunzip } from '../core/recording/gunzip';
import { RecordingParser } from '../core/recording/recording';
import {
  RecordingUnpacker,
  type RecordingFrames,
  type RecordingView,
} from '../core/recording/recording-contents';
import { recordingOfWindow } from '../core/recording/recording-window';
import { snapshotBuffers, type SeriesSnapshot } from '../core/series/series-store';

export type ToIntake =
  /** the recording's text as bytes, in order, as they download */
  | { kind: 'bytes'; bytes: Uint8Array }
  /** a gzipped recording, whole */
  | { kind: 'gzip'; bytes: Uint8Array }
  | { kind: 'end' }
  | { kind: 'export'; id: number; from: number; to: number }
  | { kind: 'postmortem'; id: number; options: DraftOptions };

export type FromIntake =
  | {
      kind: 'loaded';
      hello: Hello;
      annotations: Annotation[];
      series: SeriesSnapshot;
      warning?: string;
    }
  | { kind: 'failed'; message: string }
  | { kind: 'alerts'; events: AlertEvent[] }
  /** the text asked for by an `export` or a `postmortem` of that id */
  | { kind: 'text'; id: number; text: string };

export type PostFromIntake = (message: FromIntake, transfer?: ArrayBuffer[]) => void;

export function createRecordingIntake(post: PostFromIntake): (message: ToIntake) => void {
  // each line unpacked as it is read: the store grows with the download, not after it;
  // frame lines go from their bytes to the store, with no object per sample
  const unpacker = new RecordingUnpacker();
  const parser = new RecordingParser(
    (payload) => unpacker.add(payload),
    (frame, line) => unpacker.addScanned(frame, line),
  );
  let failed = false;
  // the gzip data ended early: every whole line before the cut still loads
  let cutOff = false;
  let loaded: RecordingView | undefined;
  // the frames as objects, made only when an export or a draft asks for them
  let frames: RecordingFrames | undefined;
  const framesOf = () => (frames ??= unpacker.frames());
  // the detector's transitions over the whole recording: the draft reuses them
  let alertEvents: AlertEvent[] = [];

  const fail = (err: unknown) => {
    failed = true;
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  };

  const end = () => {
    const parsed = parser.end();
    const { payloads } = parsed;
    const warning = cutOff
      ? `the gzip data is cut off: ${parsed.warning ?? 'the file ends early'}; every complete line before it was loaded`
      : parsed.warning;
    if (payloads.length === 0) throw new Error('holds no hello: not a recording');
    const view = unpacker.finish();
    const series = view.series.snapshot();
    post(
      {
        kind: 'loaded',
        hello: view.hello,
        annotations: view.annotations,
        series,
        ...(warning !== undefined && { warning }),
      },
      snapshotBuffers(series),
    );
    loaded = view;
    // the review is on screen: now the detector, over the columns the frames were read into
    alertEvents = unpacker.judge(createDetector());
    post({ kind: 'alerts', events: alertEvents });
  };

  return (message) => {
    if (message.kind === 'export') {
      if (loaded === undefined) return;
      const { hello, annotations } = loaded;
      const text = recordingOfWindow(hello, annotations, framesOf().frames, message);
      post({ kind: 'text', id: message.id, text });
      return;
    }
    if (message.kind === 'postmortem') {
      if (loaded === undefined) return;
      const facts = factsOfReview(framesOf().detectorInput, loaded.annotations, alertEvents);
      const text = writePostmortemDraft(facts, message.options);
      post({ kind: 'text', id: message.id, text });
      return;
    }
    if (failed) return;
    try {
      if (message.kind === 'bytes') parser.pushBytes(message.bytes);
      else if (message.kind === 'gzip') {
        const text = gunzip(message.bytes);
        cutOff = text.cutOff;
        parser.pushBytes(text.data);
      } else end();
    } catch (err) {
      fail(err);
    }
  };
}
