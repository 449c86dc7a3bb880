import { describe, expect, it } from 'vitest';
import type { Annotation } from '../core/protocol/protocol';
import {
  applyChanges,
  dropEndedBefore,
  rangeBetween,
  type AnnotationChange,
} from './annotation-list';

const note = (id: string, t: number, title = id): Annotation => ({
  v: 1,
  id,
  t,
  title,
  kind: 'note',
});
const ids = (list: readonly Annotation[]) => list.map((a) => `${a.id}@${a.t}`);

describe('applyChanges', () => {
  const held = [note('a', 10), note('b', 20), note('c', 30)];
  it.each<{ how: string; changes: AnnotationChange[]; max?: number; want: string[] }>([
    {
      how: 'a newer note',
      changes: [{ upsert: note('d', 40) }],
      want: ['a@10', 'b@20', 'c@30', 'd@40'],
    },
    {
      how: 'an older note',
      changes: [{ upsert: note('d', 5) }],
      want: ['d@5', 'a@10', 'b@20', 'c@30'],
    },
    {
      how: 'a note between',
      changes: [{ upsert: note('d', 25) }],
      want: ['a@10', 'b@20', 'd@25', 'c@30'],
    },
    { how: 'a move in time', changes: [{ upsert: note('a', 35) }], want: ['b@20', 'c@30', 'a@35'] },
    { how: 'a removal', changes: [{ remove: 'b' }], want: ['a@10', 'c@30'] },
    {
      how: 'same time: by id',
      changes: [{ upsert: note('0', 20) }, { upsert: note('bb', 20) }],
      want: ['a@10', '0@20', 'b@20', 'bb@20', 'c@30'],
    },
    {
      how: 'upsert then remove',
      changes: [{ upsert: note('d', 40) }, { remove: 'd' }],
      want: ['a@10', 'b@20', 'c@30'],
    },
    {
      how: 'remove then upsert',
      changes: [{ remove: 'a' }, { upsert: note('a', 12) }],
      want: ['a@12', 'b@20', 'c@30'],
    },
    {
      how: 'the last upsert wins',
      changes: [{ upsert: note('d', 1) }, { upsert: note('d', 50) }],
      want: ['a@10', 'b@20', 'c@30', 'd@50'],
    },
    {
      how: 'past the limit: the newest kept',
      changes: [{ upsert: note('d', 5) }, { upsert: note('e', 40) }],
      max: 3,
      want: ['b@20', 'c@30', 'e@40'],
    },
  ])('$how', ({ changes, max, want }) => {
    expect(ids(applyChanges(held, changes, max ?? 100))).toEqual(want);
    expect(ids(held)).toEqual(['a@10', 'b@20', 'c@30']);
  });

  it.each<{ how: string; changes: AnnotationChange[] }>([
    { how: 'no changes', changes: [] },
    { how: 'removing what is not held', changes: [{ remove: 'zz' }] },
  ])('keeps the same list for $how', ({ changes }) => {
    expect(applyChanges(held, changes, 100)).toBe(held);
  });

  it('keeps the same list when every note is resent as held (a reconnect), so nothing redraws', () => {
    const resent = held.map((a) => ({ upsert: { ...a } }));
    expect(applyChanges(held, resent, 100)).toBe(held);
    // one of them edited meanwhile is a change
    const edited = [...resent, { upsert: note('b', 20, 'b, edited') }];
    expect(applyChanges(held, edited, 100).map((a) => a.title)).toEqual(['a', 'b, edited', 'c']);
  });

  it('takes a flood of notes in shuffled order as one sorted list', () => {
    const flood = Array.from({ length: 5000 }, (_, i) => note(`n${i}`, (i * 7919) % 5000));
    const list = applyChanges(
      [],
      flood.map((a) => ({ upsert: a })),
      10_000,
    );
    expect(list).toHaveLength(5000);
    expect(list.every((a, i) => i === 0 || list[i - 1]!.t <= a.t)).toBe(true);
  });
});

describe('rangeBetween', () => {
  const list = [note('a', 10), note('b', 20), note('c', 20), note('d', 30)];
  it.each<{ from: number; to: number; want: [number, number] }>([
    { from: 0, to: 100, want: [0, 4] },
    { from: 20, to: 20, want: [1, 3] },
    { from: 11, to: 29, want: [1, 3] },
    { from: 10, to: 10, want: [0, 1] },
    { from: 31, to: 40, want: [4, 4] },
    { from: 0, to: 9, want: [0, 0] },
    { from: 25, to: 15, want: [3, 3] },
  ])('[$from, $to]', ({ from, to, want }) => {
    expect(rangeBetween(list, from, to)).toEqual(want);
  });
});

describe('dropEndedBefore', () => {
  const span = (id: string, t: number, endT: number): Annotation => ({ ...note(id, t), endT });
  const held = [note('a', 10), span('long', 15, 40), note('b', 20), note('c', 30)];
  it.each([
    { cutoff: 5, want: ['a@10', 'long@15', 'b@20', 'c@30'] },
    { cutoff: 10, want: ['a@10', 'long@15', 'b@20', 'c@30'] },
    { cutoff: 11, want: ['long@15', 'b@20', 'c@30'] },
    { cutoff: 25, want: ['long@15', 'c@30'] },
    { cutoff: 41, want: [] },
  ])('before $cutoff keeps $want', ({ cutoff, want }) => {
    expect(ids(dropEndedBefore(held, cutoff))).toEqual(want);
  });

  it.each([10, 16])('returns the list itself when nothing is over (before %d)', (cutoff) => {
    const spans = [span('long', 15, 40), note('b', 20)];
    expect(dropEndedBefore(spans, cutoff)).toBe(spans);
  });
});
