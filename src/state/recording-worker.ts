/**
 * Worker entry for opening a recording: wires the intake to this worker's messages, so the
 * parsing and the detector run beside the page, not on its main thread.
 */
import { createRecordingIntake, type ToIntake } from './recording-intake';

const receive = createRecordingIntake((message, transfer = []) =>
  self.postMessage(message, { transfer }),
);
self.onmessage = (event: MessageEvent<ToIntake>) => receive(event.data);
