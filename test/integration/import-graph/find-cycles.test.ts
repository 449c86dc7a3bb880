import { describe, expect, it } from 'vitest';
import { findCycles, type Graph } from './find-cycles';

const graph = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));

describe('findCycles', () => {
  const cases: { name: string; edges: Record<string, string[]>; cycles: string[][] }[] = [
    { name: 'no edges', edges: { a: [], b: [] }, cycles: [] },
    { name: 'a chain', edges: { a: ['b'], b: ['c'], c: [] }, cycles: [] },
    { name: 'a diamond', edges: { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, cycles: [] },
    { name: 'a node importing itself', edges: { a: ['a'] }, cycles: [['a']] },
    { name: 'two nodes', edges: { a: ['b'], b: ['a'] }, cycles: [['a', 'b']] },
    {
      name: 'the store circle of issue 16',
      edges: {
        'store.ts': ['replay-slice.ts', 'series-slice.ts'],
        'replay-slice.ts': ['replay-session.ts'],
        'replay-session.ts': ['store.ts', 'replay-landing.ts'],
        'series-slice.ts': [],
        'replay-landing.ts': [],
      },
      cycles: [['replay-session.ts', 'store.ts', 'replay-slice.ts']],
    },
    {
      name: 'two separate circles, sorted by their first node',
      edges: { x: ['y'], y: ['x'], a: ['b'], b: ['c'], c: ['a'], d: ['a'] },
      cycles: [
        ['a', 'b', 'c'],
        ['x', 'y'],
      ],
    },
    {
      name: 'one tangle of two circles: the shortest through its first node',
      edges: { a: ['b'], b: ['c', 'a'], c: ['a'] },
      cycles: [['a', 'b']],
    },
    { name: 'an edge to a node not listed', edges: { a: ['elsewhere'] }, cycles: [] },
  ];
  it.each(cases)('$name', ({ edges, cycles }) => {
    expect(findCycles(graph(edges))).toEqual(cycles);
  });

  it('follows a long chain into a circle without running out of stack', () => {
    const edges: Record<string, string[]> = {};
    const n = 20_000;
    for (let i = 0; i < n; i++) edges[`m${i}`] = [`m${i + 1}`];
    edges[`m${n}`] = [`m${n - 1}`];
    expect(findCycles(graph(edges))).toEqual([[`m${n - 1}`, `m${n}`]]);
  });
});
