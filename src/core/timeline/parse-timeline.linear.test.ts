/**
 * A postmortem is someone else's text: whatever it holds, reading it costs time in proportion
 * to its length. Each case builds one shape (a prefix, a unit repeated, a suffix) at 12.5 KB
 * and at 100 KB and times both: a linear parser takes about 8 times as long for the larger, a
 * quadratic one 64 times. Timings are CPU time, the best of three, and a case is measured again
 * before it counts as failed, so a busy machine cannot fail it; a backtracking pattern fails it
 * on every run. (How fast, as opposed to how it grows, is `npm run bench hostile-markdown`.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildHostile as build,
  hostilePiece as piece,
  hostileShape as shape,
  KNOWN_HOSTILE as KNOWN,
  OPENERS,
  type HostileShape as Shape,
} from './fixtures/hostile-shapes';
import { parsePostmortemTimeline } from './parse-timeline';

const SMALL = 12_500;
const LARGE = 100_000;
/** linear growth is 8x; a quadratic pattern is 64x */
const MOST_GROWTH = 24;
/** a 100 KB document read this fast is fine whatever its growth: timer noise, not a pattern */
const FAST_ENOUGH_MS = 40;

// CPU time of this process (vitest runs each test file in its own), not wall time: other
// programs busy on the machine stretch the wall clock, not the work done here
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function bestOf(document: string, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    parsePostmortemTimeline(document, { date: '2024-05-15', tz: 'UTC', source: 'fuzz' });
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}

/** The growth from 12.5 KB to 100 KB, measured up to three times before it counts. */
function readsInLinearTime(s: Shape): { ok: boolean; small: number; large: number } {
  let small = 0;
  let large = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    small = bestOf(build(s, SMALL));
    large = bestOf(build(s, LARGE));
    if (large <= FAST_ENOUGH_MS || large <= MOST_GROWTH * small) return { ok: true, small, large };
  }
  return { ok: false, small, large };
}

describe('the postmortem parser on hostile text', () => {
  it('reads the shapes that once backtracked in linear time', () => {
    const slow = KNOWN.map((s) => ({ s, ...readsInLinearTime(s) })).filter((r) => !r.ok);
    expect(
      slow.map(
        ({ s, small, large }) =>
          `${JSON.stringify(s)}: ${small.toFixed(1)} -> ${large.toFixed(1)} ms`,
      ),
    ).toEqual([]);
  }, 120_000);

  it('reads any shape up to 100 KB in linear time', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const { ok, small, large } = readsInLinearTime(s);
        if (!ok)
          throw new Error(`${small.toFixed(1)} ms at 12.5 KB, ${large.toFixed(1)} ms at 100 KB`);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('reads arbitrary text up to 100 KB into valid annotations or named errors', () => {
    const text = fc
      .array(fc.oneof(piece, fc.string({ maxLength: 40 }), fc.constantFrom(...OPENERS)), {
        maxLength: 8_000,
      })
      .map((parts) => parts.join('').slice(0, LARGE));
    fc.assert(
      fc.property(text, (markdown) => {
        const { annotations, errors } = parsePostmortemTimeline(markdown, {
          date: '2024-05-15',
          tz: 'UTC',
          source: 'fuzz',
        });
        const lines = markdown.split(/\r\n|\r|\n/).length;
        for (const e of errors) expect(e.line).toBeGreaterThanOrEqual(1);
        for (const e of errors) expect(e.line).toBeLessThanOrEqual(lines);
        for (const a of annotations) expect(a.id.length).toBeLessThanOrEqual(200);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
