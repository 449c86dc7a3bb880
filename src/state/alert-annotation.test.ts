import { describe, expect, it } from 'vitest';
import { alertEvent as event } from '../core/detector/fixtures';
import { alertAnnotations } from './alert-annotation';

describe('alertAnnotations', () => {
  it('one annotation per episode, named by rule, servers and when it fired', () => {
    const notes = alertAnnotations([
      event(1_000, 'firing', ['app-04', 'app-07']),
      event(5_000, 'resolved', ['app-04', 'app-07']),
      event(9_000, 'firing', ['app-04', 'app-07']),
    ]);
    expect(notes.map((a) => [a.id, a.t, a.endT])).toEqual([
      ['alert:share-skew:app-04,app-07:1000', 1_000, 5_000],
      ['alert:share-skew:app-04,app-07:9000', 9_000, undefined],
    ]);
    expect(notes[0]!.title).toBe('share-skew (resolved): app-04, app-07');
  });

  it('keeps the episodes of other servers apart', () => {
    const notes = alertAnnotations([
      event(1_000, 'firing', ['app-04']),
      event(2_000, 'firing', ['app-07']),
      event(3_000, 'resolved', ['app-04']),
    ]);
    expect(notes.map((a) => [a.id, a.endT])).toEqual([
      ['alert:share-skew:app-04:1000', 3_000],
      ['alert:share-skew:app-07:2000', undefined],
    ]);
  });
});
