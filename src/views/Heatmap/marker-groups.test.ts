import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationKind } from '../../core/protocol/protocol';
import {
  groupByPixels,
  groupByTime,
  planMarkers,
  plannedMarkers,
  type MarkerGroup,
} from './marker-groups';

const note = (id: string, t: number, kind: AnnotationKind = 'note'): Annotation => ({
  v: 1,
  id,
  t,
  title: id,
  kind,
});

describe('groupByTime', () => {
  it.each<{ how: string; list: Annotation[]; want: object[] }>([
    { how: 'nothing', list: [], want: [] },
    {
      how: 'one per bucket',
      list: [note('a', 5), note('b', 15)],
      want: [
        { t: 5, start: 0, count: 1, kind: 'note' },
        { t: 15, start: 1, count: 1, kind: 'note' },
      ],
    },
    {
      how: 'shared buckets, the marker in the middle of its bucket',
      list: [note('a', 10), note('b', 12), note('c', 19), note('d', 20)],
      want: [
        { t: 15, start: 0, count: 3, kind: 'note' },
        { t: 25, start: 3, count: 1, kind: 'note' },
      ],
    },
    {
      how: 'mixed kinds',
      list: [note('a', 1, 'alert'), note('b', 2, 'note')],
      want: [{ t: 5, start: 0, count: 2, kind: undefined }],
    },
    {
      how: 'times before 1970',
      list: [note('a', -15), note('b', -11), note('c', -9)],
      want: [
        { t: -15, start: 0, count: 2, kind: 'note' },
        { t: -5, start: 2, count: 1, kind: 'note' },
      ],
    },
  ])('$how', ({ list, want }) => {
    expect(groupByTime(list, 10)).toEqual(want);
  });
});

describe('planMarkers', () => {
  // 1000 notes, one a second from t = 0
  const list = Array.from({ length: 1000 }, (_, i) => note(`n${i}`, i * 1000));
  const groups = groupByTime(list, 60_000);
  it.each<{ how: string; from: number; to: number; want: object }>([
    {
      how: 'few in view: each',
      from: 100_000,
      to: 150_000,
      want: { by: 'note', start: 100, end: 151 },
    },
    { how: 'none in view', from: 2e6, to: 3e6, want: { by: 'note', start: 1000, end: 1000 } },
    { how: 'many in view: groups', from: 0, to: 999_000, want: { by: 'group', start: 0, end: 17 } },
    {
      how: 'groups whose marker is in view',
      from: 100_000,
      to: 400_000,
      want: { by: 'group', start: 2, end: 7 },
    },
  ])('$how', ({ from, to, want }) => {
    expect(planMarkers(list, groups, from, to, 80)).toEqual(want);
  });
});

describe('groupByPixels', () => {
  const one = (t: number, start: number, kind: AnnotationKind = 'note') => ({
    t,
    start,
    count: 1,
    kind,
  });
  // 1000 px across 1000 s: a flag 20 px wide is 0.02 of the width
  const x = (t: number) => t / 1000;
  it.each<{ how: string; markers: MarkerGroup[]; want: MarkerGroup[] }>([
    { how: 'nothing', markers: [], want: [] },
    {
      how: 'two at the same moment: one with a count',
      markers: [one(500, 0, 'change'), one(500, 1, 'alert')],
      want: [{ t: 500, start: 0, count: 2, kind: undefined }],
    },
    {
      how: 'within a flag of each other, same kind',
      markers: [one(500, 0), one(519, 1)],
      want: [{ t: 500, start: 0, count: 2, kind: 'note' }],
    },
    {
      how: 'a flag apart: each its own',
      markers: [one(500, 0), one(520, 1)],
      want: [one(500, 0), one(520, 1)],
    },
    {
      how: 'a chain: each group measured from its first flag, so none overlap',
      markers: [one(500, 0), one(510, 1), one(519, 2), one(528, 3), one(548, 4)],
      want: [
        { t: 500, start: 0, count: 3, kind: 'note' },
        { t: 528, start: 3, count: 1, kind: 'note' },
        { t: 548, start: 4, count: 1, kind: 'note' },
      ],
    },
    {
      how: 'buckets join like notes, counts added',
      markers: [
        { t: 100, start: 0, count: 4, kind: 'note' },
        { t: 110, start: 4, count: 3, kind: undefined },
        { t: 300, start: 7, count: 2, kind: 'note' },
      ],
      want: [
        { t: 100, start: 0, count: 7, kind: undefined },
        { t: 300, start: 7, count: 2, kind: 'note' },
      ],
    },
  ])('$how', ({ markers, want }) => {
    const given = structuredClone(markers);
    expect(groupByPixels(markers, x, 0.02)).toStrictEqual(want);
    // the markers given are left as they were (buckets are kept between renders)
    expect(markers).toStrictEqual(given);
  });

  it('leaves no two flags closer than a flag, however the notes crowd', () => {
    const markers = Array.from({ length: 500 }, (_, i) => one(Math.floor(i * i * 0.004), i));
    const groups = groupByPixels(markers, x, 0.02);
    for (let i = 1; i < groups.length; i++) {
      expect(x(groups[i]!.t) - x(groups[i - 1]!.t)).toBeGreaterThanOrEqual(0.02);
    }
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(500);
  });
});

describe('plannedMarkers', () => {
  const list = [note('a', 1), note('b', 2, 'alert'), note('c', 3)];
  it('one per note in the plan', () => {
    expect(plannedMarkers(list, [], { by: 'note', start: 1, end: 3 })).toStrictEqual([
      { t: 2, start: 1, count: 1, kind: 'alert' },
      { t: 3, start: 2, count: 1, kind: 'note' },
    ]);
  });
  it('the buckets in the plan', () => {
    const groups = groupByTime(list, 2);
    expect(plannedMarkers(list, groups, { by: 'group', start: 1, end: 2 })).toStrictEqual([
      groups[1],
    ]);
  });
});
