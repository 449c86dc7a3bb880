import { describe, expect, it } from 'vitest';
import { alertTimelineOf } from './alert-timeline';
import { alertEvent as event } from '../detector/fixtures';

const timeline = alertTimelineOf([
  event(1_000, 'firing', ['app-04']),
  event(2_000, 'firing', ['app-04', 'app-07']),
  event(3_000, 'resolved', ['app-04']),
  event(4_000, 'firing', ['app-04']),
]);

describe('alertTimelineOf', () => {
  it.each([
    { t: 999, firing: [] },
    { t: 1_000, firing: [['share-skew:app-04', 1_000]] },
    {
      t: 2_500,
      firing: [
        ['share-skew:app-04', 1_000],
        ['share-skew:app-04,app-07', 2_000],
      ],
    },
    { t: 3_000, firing: [['share-skew:app-04,app-07', 2_000]] },
    {
      t: 9_000,
      firing: [
        ['share-skew:app-04,app-07', 2_000],
        ['share-skew:app-04', 4_000],
      ],
    },
  ])('at $t the alerts firing are $firing', ({ t, firing }) => {
    expect(timeline.firingAt(t).map((a) => [a.id, a.startT])).toEqual(firing);
  });

  it('the transitions until a time include those at it', () => {
    expect(timeline.eventsUntil(3_000).map((e) => e.t)).toEqual([1_000, 2_000, 3_000]);
  });
});
