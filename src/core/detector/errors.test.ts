import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { patch, poolOf, rows } from './fixtures';
import { errorsLevel } from './errors';
import type { Row } from './fixtures';

const c = DEFAULT_CONFIG.errors;
// 0.1% errors everywhere
const ten = rows(10, { errors: 1 });

const named = (frame: Row[]) =>
  Object.fromEntries(
    poolOf(frame)
      .servers.map((s) => [s.id, errorsLevel(s, c)])
      .filter(([, level]) => level !== 'clear'),
  );

describe('errorsLevel', () => {
  it.each([
    { name: 'a healthy pool', frame: ten, want: {} },
    {
      name: '10% against 0.1%',
      frame: patch(ten, { 'app-02': { errors: 100 } }),
      want: { 'app-02': 'fire' },
    },
    {
      name: '4%: past the 3% bar to stay, under the 5% floor to fire',
      frame: patch(ten, { 'app-02': { errors: 40 } }),
      want: { 'app-02': 'hold' },
    },
    {
      name: '6% against a pool at 2%: 3x, not 5x',
      frame: patch(rows(10, { errors: 20 }), { 'app-02': { errors: 60 } }),
      want: { 'app-02': 'hold' },
    },
    {
      name: 'two failing servers do not hide each other (the peers rate is a median)',
      frame: patch(ten, { 'app-04': { errors: 200 }, 'app-07': { errors: 200 } }),
      want: { 'app-04': 'fire', 'app-07': 'fire' },
    },
    {
      name: 'the whole pool failing 25%: over the absolute bar',
      frame: rows(3, { errors: 250 }),
      want: { 'app-01': 'fire', 'app-02': 'fire', 'app-03': 'fire' },
    },
    {
      name: 'the whole pool failing 12%: stays firing (>= 10%), does not fire',
      frame: rows(3, { errors: 120 }),
      want: { 'app-01': 'hold', 'app-02': 'hold', 'app-03': 'hold' },
    },
    {
      name: '3 of 40 requests: too few to judge',
      frame: patch(rows(10, { errors: 0 }), { 'app-02': { requests: 40, errors: 3 } }),
      want: {},
    },
    {
      name: '3 of 60 requests where the pool has none: beyond chance',
      frame: patch(rows(10, { errors: 0 }), { 'app-02': { requests: 60, errors: 3 } }),
      want: { 'app-02': 'fire' },
    },
  ])('$name', ({ frame, want }) => {
    expect(named(frame)).toEqual(want);
  });
});
