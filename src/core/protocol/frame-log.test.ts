import { describe, expect, it } from 'vitest';
import { FrameLog } from './frame-log';
import type { Frame } from './protocol';

const DAY = 86_400_000;

const frame = (seq: number, t = seq * 1000): Frame => ({
  v: 1,
  seq,
  t,
  intervalMs: 1000,
  samples: [],
});

/** A log fed frames `from`..`to`, one second apart. */
function logOf(from: number, to: number, capacity = 100, maxAgeMs = DAY): FrameLog {
  const log = new FrameLog(capacity, maxAgeMs);
  for (let seq = from; seq <= to; seq++) log.append(frame(seq));
  return log;
}

const seqs = (frames: Frame[]) => frames.map((f) => f.seq);

describe('FrameLog.after', () => {
  // the log holds seqs 10..14
  it.each([
    { after: 9, want: [10, 11, 12, 13, 14] },
    { after: 11, want: [12, 13, 14] },
    { after: 13, want: [14] },
    { after: 14, want: [] },
    { after: 100, want: [] },
    { after: 3, want: [10, 11, 12, 13, 14] },
    { after: -1, want: [10, 11, 12, 13, 14] },
  ])('after($after) gives $want', ({ after, want }) => {
    expect(seqs(logOf(10, 14).after(after))).toEqual(want);
  });

  it('returns the frames themselves, in order, after the ring wraps', () => {
    const log = new FrameLog(4, DAY);
    const appended = [1, 2, 3, 4, 5, 6, 7].map((seq) => frame(seq));
    appended.forEach((f) => log.append(f));
    const got = log.after(4);
    expect(seqs(got)).toEqual([5, 6, 7]);
    got.forEach((f, i) => expect(f).toBe(appended[4 + i]));
  });

  it('is empty for an empty log', () => {
    expect(new FrameLog(10, DAY).after(0)).toEqual([]);
  });
});

describe('FrameLog bounds', () => {
  it.each([
    { name: 'under capacity', capacity: 5, maxAgeMs: DAY, appended: [1, 3], held: [1, 2, 3] },
    { name: 'by count', capacity: 3, maxAgeMs: DAY, appended: [1, 8], held: [6, 7, 8] },
    { name: 'capacity 1', capacity: 1, maxAgeMs: DAY, appended: [1, 4], held: [4] },
    { name: 'by age', capacity: 100, maxAgeMs: 2000, appended: [1, 8], held: [6, 7, 8] },
    { name: 'age and count together', capacity: 2, maxAgeMs: 5000, appended: [1, 8], held: [7, 8] },
  ])('$name: holds $held', ({ capacity, maxAgeMs, appended: [from, to], held }) => {
    const log = logOf(from!, to!, capacity, maxAgeMs);
    expect(log.length).toBe(held.length);
    expect(log.oldestSeq).toBe(held[0]);
    expect(log.newest?.seq).toBe(held.at(-1));
    expect(seqs(log.after(-1))).toEqual(held);
  });

  it('drops every older frame after a jump in time, keeping the newest', () => {
    const log = new FrameLog(100, 5000);
    [frame(1, 1000), frame(2, 2000), frame(3, 60_000)].forEach((f) => log.append(f));
    expect(seqs(log.after(-1))).toEqual([3]);
    expect(log.oldestSeq).toBe(3);
  });

  it('has no oldestSeq or newest when empty', () => {
    const log = new FrameLog(10, DAY);
    expect(log.oldestSeq).toBeUndefined();
    expect(log.newest).toBeUndefined();
    expect(log.length).toBe(0);
  });
});

describe('FrameLog.append', () => {
  it.each([
    { name: 'a gap', seq: 7 },
    { name: 'the same seq again', seq: 5 },
    { name: 'a seq going back', seq: 4 },
  ])('throws on $name after 5, and keeps what it held', ({ seq }) => {
    const log = logOf(1, 5);
    expect(() => log.append(frame(seq))).toThrow(`frame seq ${seq} does not follow 5`);
    expect(seqs(log.after(-1))).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes any seq first', () => {
    const log = new FrameLog(10, DAY);
    log.append(frame(42));
    expect(log.oldestSeq).toBe(42);
  });
});

describe('FrameLog.between', () => {
  it.each([
    { from: 2000, to: 4000, want: [2, 3, 4] },
    { from: 2500, to: 3500, want: [3] },
    { from: 9000, to: 9999, want: [] },
  ])('between($from, $to) gives $want', ({ from, to, want }) => {
    expect(seqs(logOf(1, 5).between(from, to))).toEqual(want);
  });
});

describe('FrameLog.clear', () => {
  it('forgets every frame, then takes any seq', () => {
    const log = logOf(1, 5);
    log.clear();
    expect(log.length).toBe(0);
    expect(log.oldestSeq).toBeUndefined();
    log.append(frame(40));
    expect(seqs(log.after(-1))).toEqual([40]);
  });
});
