import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationKind } from '../../core/protocol';
import { groupByTime, planMarkers } from './marker-groups';

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
