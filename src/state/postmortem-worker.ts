/**
 * Worker entry for a postmortem import: the timeline parser reads the dropped document beside
 * the page, so however the document is written, the page keeps drawing while it is read.
 */
import { parsePostmortemTimeline } from '../core/timeline/parse-timeline';
import type { FromPostmortemWorker, ToPostmortemWorker } from './import-postmortem';

self.onmessage = (event: MessageEvent<ToPostmortemWorker>) => {
  const { markdown, source } = event.data;
  let answer: FromPostmortemWorker;
  try {
    answer = { kind: 'parsed', parse: parsePostmortemTimeline(markdown, { source }) };
  } catch (err) {
    answer = { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(answer);
};
