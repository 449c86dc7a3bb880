/**
 * A recording's text to its postmortem draft, in one pass: each payload read, the detector run
 * over the frames as the gateway would have, the facts gathered. The command streams a file
 * through the same steps; a review, which holds the frames and the alerts worked out already,
 * gathers the facts from those (factsOfReview) without running the detector again.
 */
import { createAlertFeed, type AlertEvent, type DetectorOverrides } from '../detector';
import type { Annotation } from '../protocol/protocol';
import type { DetectorInput } from '../recording/recording-contents';
import { parseRecording, type RecordedPayload } from '../recording/recording';
import { writePostmortemDraft, type DraftOptions } from './draft';
import { incidentFacts, type IncidentFacts, type IncidentFactsBuilder } from './incident-facts';

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

/**
 * The facts of a review's recording: its hello and frames in order, its notes as they stood
 * at the end, and the transitions the detector made over those frames (in time order; each at
 * the t of the frame that made it).
 */
export function factsOfReview(
  input: DetectorInput,
  notes: readonly Annotation[],
  events: readonly AlertEvent[],
): IncidentFacts {
  const facts = incidentFacts();
  let next = 0;
  for (const item of input) {
    if (item.type === 'hello') {
      facts.hello(item.payload);
      continue;
    }
    const made: AlertEvent[] = [];
    while (next < events.length && events[next]!.t <= item.payload.t) made.push(events[next++]!);
    facts.frame(item.payload, made);
  }
  for (const note of notes) facts.annotation(note);
  return facts.facts();
}
