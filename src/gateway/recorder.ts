/**
 * `--record FILE`: appends every payload the gateway sends to a recording (CONTRACT section 2),
 * and, when the file already holds one, restores the buffer, the annotations and the frame
 * numbering from it, so clients resume across a gateway restart without losing a frame.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Annotation, Frame } from '../core/protocol';
import { parseRecording, recordingLine, type RecordedPayload } from '../core/recording';

export interface Recorder {
  write: (type: RecordedPayload['type'], payload: object) => void;
  close: () => Promise<void>;
  /** numbering to carry on with, when the file held frames */
  restored: { nextSeq?: number; gatewayId?: string };
  restoredFrames: Frame[];
  restoredAnnotations: Annotation[];
  /** the source the file was recorded from, and how many of its frames it holds */
  restoredSource?: { source: string; frames: number };
}

export async function openRecorder(path: string, keepFrames = 2000): Promise<Recorder> {
  mkdirSync(dirname(path), { recursive: true });
  const restored: Recorder['restored'] = {};
  let restoredFrames: Frame[] = [];
  const annotations = new Map<string, Annotation>();
  let restoredSource: Recorder['restoredSource'];
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    const parsed = parseRecording(text);
    if (parsed.warning) {
      console.error(`skewboard: ${path}: ${parsed.warning}`);
      // appending after a torn line would bury it mid-file; cut it off first
      truncateSync(path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
    }
    let frames = 0;
    for (const { type, payload } of parsed.payloads) {
      if (type === 'hello') {
        if (payload.gatewayId !== restored.gatewayId || payload.source !== restoredSource?.source) {
          // another gateway run, with a numbering of its own: only the newest run is carried on
          restoredFrames = [];
          frames = 0;
        }
        restored.gatewayId = payload.gatewayId;
        restoredSource = { source: payload.source, frames: 0 };
      } else if (type === 'frame') {
        frames++;
        restoredFrames.push(payload);
        if (restoredFrames.length > keepFrames * 2)
          restoredFrames = restoredFrames.slice(-keepFrames);
      } else if (type === 'annotation') {
        annotations.set(payload.id, payload);
      } else {
        annotations.delete(payload.id);
      }
    }
    restoredFrames = restoredFrames.slice(-keepFrames);
    const last = restoredFrames.at(-1);
    if (last) restored.nextSeq = last.seq + 1;
    if (restoredSource) restoredSource.frames = frames;
    if (!restored.gatewayId) delete restored.gatewayId;
  }
  const fd = openSync(path, 'a');
  return {
    // one synchronous write per line: a crash loses at most the line being written
    write: (type, payload) => {
      writeSync(fd, recordingLine(type, payload));
    },
    close: async () => closeSync(fd),
    restored,
    restoredFrames,
    restoredAnnotations: [...annotations.values()],
    ...(restoredSource && { restoredSource }),
  };
}
