import { describe, expect, it } from 'vitest';
import { latestRows, rowWindow, type RowWindow } from './row-window';

describe('rowWindow', () => {
  it.each<{
    how: string;
    scrollTop: number;
    viewportPx: number;
    rowPx: number;
    count: number;
    want: RowWindow;
  }>([
    {
      how: 'empty',
      scrollTop: 0,
      viewportPx: 300,
      rowPx: 30,
      count: 0,
      want: { start: 0, end: 0 },
    },
    {
      how: 'fewer rows than fit',
      scrollTop: 0,
      viewportPx: 300,
      rowPx: 30,
      count: 4,
      want: { start: 0, end: 4 },
    },
    {
      how: 'at the top',
      scrollTop: 0,
      viewportPx: 300,
      rowPx: 30,
      count: 5000,
      want: { start: 0, end: 21 },
    },
    {
      how: 'in the middle',
      scrollTop: 3000,
      viewportPx: 300,
      rowPx: 30,
      count: 5000,
      want: { start: 90, end: 121 },
    },
    {
      how: 'part-way into a row',
      scrollTop: 3015,
      viewportPx: 300,
      rowPx: 30,
      count: 5000,
      want: { start: 90, end: 121 },
    },
    {
      how: 'at the bottom',
      scrollTop: 149_700,
      viewportPx: 300,
      rowPx: 30,
      count: 5000,
      want: { start: 4980, end: 5000 },
    },
    {
      how: 'past the end of a list that shrank',
      scrollTop: 149_700,
      viewportPx: 300,
      rowPx: 30,
      count: 20,
      want: { start: 0, end: 20 },
    },
    {
      how: 'not laid out yet',
      scrollTop: 0,
      viewportPx: 0,
      rowPx: 30,
      count: 5000,
      want: { start: 0, end: 11 },
    },
    {
      how: 'no row height',
      scrollTop: 0,
      viewportPx: 300,
      rowPx: 0,
      count: 5000,
      want: { start: 0, end: 0 },
    },
  ])('$how', ({ scrollTop, viewportPx, rowPx, count, want }) => {
    expect(rowWindow(scrollTop, viewportPx, rowPx, count, 10)).toStrictEqual(want);
  });
});

describe('latestRows', () => {
  it.each<{ how: string; viewportPx: number; rowPx: number; count: number; want: RowWindow }>([
    { how: 'empty', viewportPx: 300, rowPx: 30, count: 0, want: { start: 0, end: 0 } },
    {
      how: 'fewer rows than fit',
      viewportPx: 300,
      rowPx: 30,
      count: 4,
      want: { start: 0, end: 4 },
    },
    {
      how: 'exactly as many as fit',
      viewportPx: 300,
      rowPx: 30,
      count: 10,
      want: { start: 0, end: 10 },
    },
    {
      how: 'more: the newest ten',
      viewportPx: 300,
      rowPx: 30,
      count: 25,
      want: { start: 15, end: 25 },
    },
    {
      how: 'a part row is left out',
      viewportPx: 299,
      rowPx: 30,
      count: 25,
      want: { start: 16, end: 25 },
    },
    { how: 'no room', viewportPx: 20, rowPx: 30, count: 25, want: { start: 25, end: 25 } },
    { how: 'not laid out yet', viewportPx: 0, rowPx: 30, count: 25, want: { start: 25, end: 25 } },
    { how: 'no row height', viewportPx: 300, rowPx: 0, count: 25, want: { start: 0, end: 0 } },
  ])('$how', ({ viewportPx, rowPx, count, want }) => {
    expect(latestRows(viewportPx, rowPx, count)).toStrictEqual(want);
  });
});
