/**
 * What the gateway records through, whichever way it records: one explicit file
 * (`--record FILE`) or the rotating folder (the default).
 */
import type { AlertPayload, Annotation, Hello } from '../../core/protocol/protocol';
import { recordingLine, type RecordedPayload } from '../../core/recording/recording';
import type { RestoredRun } from '../../core/recording/recording-restore';

/** What a new recording file starts with, so it loads on its own: the hello and the notes held. */
export interface RecordingHeader {
  hello: Hello;
  annotations: Annotation[];
  /** the alerts firing, so a file says what was already wrong when it began */
  alerts?: AlertPayload[];
}

/** The lines a new recording file starts with. */
export const headerLines = (h: RecordingHeader): string[] => [
  recordingLine('hello', h.hello),
  ...h.annotations.map((a) => recordingLine('annotation', a)),
  ...(h.alerts ?? []).map((a) => recordingLine('alert', a)),
];

export interface Recorder {
  /**
   * appends one payload; one synchronous write per line, so a crash loses at most that line.
   * Never throws: a failure is reported through `warn`, once, and tried again later.
   */
  write: (type: RecordedPayload['type'], payload: object) => void;
  /** where new files get their header from (the hub, once it exists) */
  useHeader: (header: () => RecordingHeader) => void;
  close: () => Promise<void>;
  /** what the previous run left, to carry on with */
  restored: RestoredRun;
}
