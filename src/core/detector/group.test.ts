import { describe, expect, it } from 'vitest';
import { groupChange } from './group';
import type { Track } from './hysteresis';

const SERVERS = ['a', 'b', 'c', 'd'];
const TRACK: Record<string, Track> = {
  q: { phase: 'quiet' },
  p: { phase: 'pending', since: 0 },
  A: { phase: 'active', since: 0 },
  r: { phase: 'recovering', since: 0 },
};
/** phases of a, b, c, d as letters: "ApqA" */
const change = (phases: string, open: string[][] = []) =>
  groupChange(SERVERS, (id) => TRACK[phases[SERVERS.indexOf(id)]!]!, open);

describe('groupChange', () => {
  it.each([
    { name: 'nothing wrong', phases: 'qqqq', open: [], want: { fire: [], resolve: [] } },
    {
      name: 'pending alone does not fire',
      phases: 'pqpq',
      open: [],
      want: { fire: [], resolve: [] },
    },
    { name: 'one fires', phases: 'qAqq', open: [], want: { fire: ['b'], resolve: [] } },
    {
      name: 'those pending fire with it, in pool order',
      phases: 'pqAp',
      open: [],
      want: { fire: ['a', 'c', 'd'], resolve: [] },
    },
    {
      name: 'already covered: nothing new',
      phases: 'AAqq',
      open: [['a', 'b']],
      want: { fire: [], resolve: [] },
    },
    {
      name: 'lasts while any of its servers is firing or recovering',
      phases: 'rqqq',
      open: [['a', 'b']],
      want: { fire: [], resolve: [] },
    },
    {
      name: 'resolves when all of its servers recovered',
      phases: 'qpqq',
      open: [['a', 'b']],
      want: { fire: [], resolve: [0] },
    },
    {
      name: 'a server turning bad while another alert fires gets its own',
      phases: 'AqAq',
      open: [['a']],
      want: { fire: ['c'], resolve: [] },
    },
    {
      name: 'one alert resolves as another fires',
      phases: 'qqAq',
      open: [['a'], ['b']],
      want: { fire: ['c'], resolve: [0, 1] },
    },
  ])('$name', ({ phases, open, want }) => {
    expect(change(phases, open)).toEqual(want);
  });
});
