import { describe, expect, it } from 'vitest';
import { filesOverCap, rotationDue, type FolderFile } from './recording-rotation';

const LIMITS = { maxBytes: 1000, maxAgeMs: 60_000 };
const T0 = 1_700_000_000_000;

describe('rotationDue', () => {
  it.each([
    { case: 'under both limits', bytes: 500, frames: 3, incoming: 100, age: 1000, want: undefined },
    {
      case: 'a line that just fits',
      bytes: 900,
      frames: 3,
      incoming: 100,
      age: 0,
      want: undefined,
    },
    {
      case: 'a line that would go over the size',
      bytes: 950,
      frames: 3,
      incoming: 100,
      age: 0,
      want: 'size',
    },
    { case: 'already over the size', bytes: 5000, frames: 9, incoming: 10, age: 0, want: 'size' },
    { case: 'old enough', bytes: 10, frames: 1, incoming: 10, age: 60_000, want: 'age' },
    {
      case: 'over both: size is said first',
      bytes: 990,
      frames: 1,
      incoming: 100,
      age: 99_000,
      want: 'size',
    },
    {
      case: 'a header bigger than the limit, no frame yet',
      bytes: 5000,
      frames: 0,
      incoming: 100,
      age: 0,
      want: undefined,
    },
    {
      case: 'an old file without frames',
      bytes: 10,
      frames: 0,
      incoming: 100,
      age: 99_000,
      want: undefined,
    },
    {
      case: 'a clock that stepped back',
      bytes: 10,
      frames: 1,
      incoming: 10,
      age: -5000,
      want: undefined,
    },
  ])('$case -> $want', ({ bytes, frames, incoming, age, want }) => {
    const current = { bytes, headerBytes: 0, frames, openedAt: T0 };
    expect(rotationDue(current, incoming, T0 + age, LIMITS)).toBe(want);
  });

  it.each([
    { limits: { maxBytes: 0, maxAgeMs: 60_000 }, bytes: 1e12, age: 0, want: undefined },
    { limits: { maxBytes: 1000, maxAgeMs: 0 }, bytes: 10, age: 1e12, want: undefined },
  ])('a limit of 0 is no limit: $limits', ({ limits, bytes, age, want }) => {
    expect(
      rotationDue({ bytes, headerBytes: 0, frames: 5, openedAt: T0 }, 10, T0 + age, limits),
    ).toBe(want);
  });
});

describe('rotationDue, with a header', () => {
  it.each([
    { case: 'a small header: the limit counts it', bytes: 950, header: 100, want: 'size' },
    { case: 'frames not yet as big as the header', bytes: 5000, header: 2600, want: undefined },
    { case: 'frames as big as the header', bytes: 5200, header: 2600, want: 'size' },
    { case: 'old, but frames smaller than the header', bytes: 1500, header: 900, age: 1e6 },
    {
      case: 'old, and frames as big as the header',
      bytes: 1800,
      header: 900,
      age: 1e6,
      limits: { maxBytes: 0, maxAgeMs: 60_000 },
      want: 'age',
    },
  ])('$case -> $want', ({ bytes, header, age = 0, limits = LIMITS, want }) => {
    const current = { bytes, headerBytes: header, frames: 3, openedAt: T0 };
    expect(rotationDue(current, 100, T0 + age, limits)).toBe(want);
  });
});

/** Files a, b, c, ... started a minute apart, with the given sizes. */
const folder = (...sizes: number[]): FolderFile[] =>
  sizes.map((bytes, i) => ({
    name: String.fromCharCode(97 + i),
    bytes,
    startedAt: T0 + i * 60_000,
  }));

describe('filesOverCap', () => {
  it.each([
    { case: 'under the cap', files: folder(100, 100, 100), current: 'c', cap: 1000, want: [] },
    { case: 'exactly at the cap', files: folder(100, 100, 100), current: 'c', cap: 300, want: [] },
    {
      case: 'over by a little: the oldest goes',
      files: folder(100, 100, 100),
      current: 'c',
      cap: 250,
      want: ['a'],
    },
    {
      case: 'over by a lot: oldest first',
      files: folder(100, 100, 100, 100),
      current: 'd',
      cap: 150,
      want: ['a', 'b', 'c'],
    },
    {
      case: 'never the current file',
      files: folder(100, 100, 500),
      current: 'c',
      cap: 300,
      want: ['a', 'b'],
    },
    {
      case: 'the current file alone over the cap',
      files: folder(5000),
      current: 'a',
      cap: 300,
      want: [],
    },
    {
      case: 'no current file (at start)',
      files: folder(100, 100, 100),
      current: undefined,
      cap: 100,
      want: ['a', 'b'],
    },
    { case: 'a cap of 0 is no cap', files: folder(100, 100, 100), current: 'c', cap: 0, want: [] },
    { case: 'an empty folder', files: folder(), current: undefined, cap: 10, want: [] },
  ])('$case -> $want', ({ files, current, cap, want }) => {
    expect(filesOverCap(files, current, cap)).toEqual(want);
  });

  it('goes by start time, not by the order it is given', () => {
    const [a, b, c] = folder(100, 100, 100);
    expect(filesOverCap([c!, a!, b!], 'c', 150)).toEqual(['a', 'b']);
  });

  it('keeps the current file even when it is the oldest', () => {
    expect(filesOverCap(folder(100, 100, 100), 'a', 150)).toEqual(['b', 'c']);
  });
});
