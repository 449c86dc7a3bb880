import { describe, expect, it } from 'vitest';
import { recordingFileName, recordingFileTime } from './recording-file-name';

describe('recordingFileName', () => {
  it.each([
    { t: Date.UTC(2024, 4, 15, 13, 30, 0, 123), name: 'skewboard-20240515T133000.123Z.ndjson' },
    { t: Date.UTC(2000, 0, 1), name: 'skewboard-20000101T000000.000Z.ndjson' },
  ])('$t -> $name and back', ({ t, name }) => {
    expect(recordingFileName(t)).toBe(name);
    expect(recordingFileTime(name)).toBe(t);
  });

  it('sorts by name as it sorts by time', () => {
    const times = [
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      Date.UTC(2025, 0, 1),
      Date.UTC(2024, 0, 2, 3),
    ];
    const names = times.map(recordingFileName);
    expect([...names].sort()).toEqual([...times].sort((a, b) => a - b).map(recordingFileName));
  });
});

describe('recordingFileTime', () => {
  it.each([
    'annotations.ndjson',
    'skewboard-20240515T133000.123Z.ndjson.gz',
    'skewboard-20240515T133000Z.ndjson',
    'skewboard-20241315T133000.123Z.ndjson',
    'skewboard-20240515T133000.123Z.ndjson.tmp',
    'other-20240515T133000.123Z.ndjson',
  ])('%s is not a recording of ours', (name) => {
    expect(recordingFileTime(name)).toBeUndefined();
  });
});
