/**
 * A recording's text to its postmortem draft, in one pass: each payload read, the detector run
 * over the frames as the gateway would have, the facts gathered. The command streams a file
 * through the same steps; the page calls this on the recording it holds.
 */
import { createAlertFeed, type DetectorOverrides } from '../detector';
import { parseRecording, type RecordedPayload } from '../recording';
import { writePostmortemDraft, type DraftOptions } from './draft';
import { incidentFacts, type IncidentFactsBuilder } from './incident-facts';

/** Feeds one recorded payload to the facts, running the detector over frames. */
export function factsReader(overrides: DetectorOverrides = {}) {
  const feed = createAlertFeed(overrides);
  const facts: IncidentFactsBuilder = incidentFacts();
  const read = (item: RecordedPayload) => {
    const events = feed(item);
    const { type, payload } = item;
    if (type === 'hello') facts.hello(payload);
    else if (type === 'frame') facts.frame(payload, events);
    else if (type === 'annotation') facts.annotation(payload);
    else if (type === 'annotation:remove') facts.removeAnnotation(payload.id);
  };
  return { read, facts };
}

/** The draft of a whole recording's text; a bad line throws the parser's error (its line). */
export function draftFromRecording(text: string, opts: DraftOptions = {}): string {
  const { read, facts } = factsReader();
  for (const payload of parseRecording(text).payloads) read(payload);
  return writePostmortemDraft(facts.facts(), opts);
}
