/**
 * Postmortem-draft benchmark, on the review benchmarks' recording (2 h x 50 servers at 1 Hz):
 * - in a review (the "Postmortem draft" button): the loader's worker holds the frames and the
 *   alerts the detector worked out at load; the draft gathers the impact and writes the
 *   markdown. Goal: <= 1 s.
 * - `skewboard postmortem`: every line parsed and checked, the detector over every frame, then
 *   the same.
 * Their peer, measured in the same run: reading the same lines alone (JSON.parse and the
 * protocol's checks).
 *
 *   npx tsx test/bench/postmortem-draft.ts [out.json]
 */
import { detectAlerts } from '../../src/core/detector';
import { writePostmortemDraft } from '../../src/core/postmortem/draft';
import { draftFromRecording, factsOfReview } from '../../src/core/postmortem/draft-from-recording';
import { parseRecording, type RecordedPayload } from '../../src/core/recording/recording';
import { goal, goalTable, mib, ms, ratio, table, writeResult } from './lib/report';
import { median } from './lib/stats';
import { FRAMES, SERVERS, twoHourRecording } from './lib/two-hour-recording';

const RUNS = 5;
const text = twoHourRecording();

function timed(work: () => unknown): number[] {
  const runs: number[] = [];
  work(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    runs.push(performance.now() - start);
  }
  return runs;
}

// what a review holds once loaded
const payloads = parseRecording(text).payloads;
const input = payloads.filter(
  (p): p is Extract<RecordedPayload, { type: 'hello' | 'frame' }> =>
    p.type === 'hello' || p.type === 'frame',
);
const notes = payloads.flatMap((p) => (p.type === 'annotation' ? [p.payload] : []));
const events = detectAlerts(input);

const reviewRuns = timed(() => writePostmortemDraft(factsOfReview(input, notes, events)));
const draftRuns = timed(() => draftFromRecording(text));
const parseRuns = timed(() => parseRecording(text));
const review = median(reviewRuns);
const draft = median(draftRuns);
const parse = median(parseRuns);
const lines = draftFromRecording(text).split('\n').length;

console.log(
  `recording: ${FRAMES} frames of ${SERVERS} servers, ${mib(text.length)}; the draft: ${lines} lines`,
);
console.log(
  table([
    ['work', `median of ${RUNS}`, 'runs'],
    ['the draft in a review (frames and alerts held)', ms(review), reviewRuns.map(ms).join(', ')],
    ['skewboard postmortem (parse, detector, draft)', ms(draft), draftRuns.map(ms).join(', ')],
    ['peer: the lines parsed and checked alone', ms(parse), parseRuns.map(ms).join(', ')],
  ]),
);
console.log(`the command takes ${ratio(draft / parse)} the parse alone`);
const goals = [
  goal('postmortem draft in a review, 2 h x 50 servers', '<= 1 s', ms(review), review <= 1000),
];
console.log(goalTable(goals));
writeResult({
  benchmark: 'postmortem-draft',
  figures: { review, draft, parse, reviewRuns, draftRuns, parseRuns },
  goals,
});
