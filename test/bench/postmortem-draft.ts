/**
 * Postmortem-draft benchmark: `skewboard postmortem`'s work (every line parsed and checked,
 * the detector over every frame, the impact summed, the markdown written) on the review
 * benchmarks' recording (2 h x 50 servers at 1 Hz), beside its peer measured in the same run:
 * reading the same lines alone (JSON.parse and the protocol's checks). Goal: <= 1 s.
 *
 *   npx tsx test/bench/postmortem-draft.ts [out.json]
 */
import { draftFromRecording } from '../../src/core/postmortem/draft-from-recording';
import { parseRecording } from '../../src/core/recording';
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

const draftRuns = timed(() => draftFromRecording(text));
const parseRuns = timed(() => parseRecording(text));
const draft = median(draftRuns);
const parse = median(parseRuns);
const lines = draftFromRecording(text).split('\n').length;

console.log(
  `recording: ${FRAMES} frames of ${SERVERS} servers, ${mib(text.length)}; the draft: ${lines} lines`,
);
console.log(
  table([
    ['work', `median of ${RUNS}`, 'runs'],
    ['the postmortem draft', ms(draft), draftRuns.map(ms).join(', ')],
    ['peer: the lines parsed and checked alone', ms(parse), parseRuns.map(ms).join(', ')],
  ]),
);
console.log(`the draft takes ${ratio(draft / parse)} the parse alone`);
const goals = [goal('postmortem draft, 2 h x 50 servers', '<= 1 s', ms(draft), draft <= 1000)];
console.log(goalTable(goals));
writeResult({
  benchmark: 'postmortem-draft',
  figures: { draft, parse, draftRuns, parseRuns },
  goals,
});
