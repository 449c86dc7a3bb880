import { describe, expect, it } from 'vitest';
import { landingTime } from './replay-landing';

const fired = (t: number) => ({ t, state: 'firing' as const });
const resolved = (t: number) => ({ t, state: 'resolved' as const });
const note = (t: number) => ({ t });

describe('landingTime: where a review without ?t= opens', () => {
  it.each([
    {
      name: 'the first alert that fired',
      annotations: [note(150)],
      alertEvents: [fired(300), resolved(400), fired(500)],
      want: 300,
    },
    {
      name: 'an alert before any note still wins: the incident is what is reviewed',
      annotations: [note(150)],
      alertEvents: [fired(120)],
      want: 120,
    },
    {
      name: 'no alert: the first note, in whatever order they come',
      annotations: [note(700), note(250), note(600)],
      alertEvents: [],
      want: 250,
    },
    {
      name: 'a resolution alone is not a landing',
      annotations: [note(250)],
      alertEvents: [resolved(200)],
      want: 250,
    },
    {
      name: 'no alert, no note: the start',
      annotations: [],
      alertEvents: [],
      want: 100,
    },
    {
      name: 'notes and alerts outside the recording are passed over',
      annotations: [note(50), note(2000), note(900)],
      alertEvents: [fired(99), fired(1001)],
      want: 900,
    },
    {
      name: 'nothing inside the recording: the start',
      annotations: [note(50), note(2000)],
      alertEvents: [fired(1001)],
      want: 100,
    },
  ])('$name', ({ annotations, alertEvents, want }) => {
    expect(landingTime({ startT: 100, endT: 1000, annotations, alertEvents })).toBe(want);
  });
});
