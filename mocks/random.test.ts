import { describe, expect, it } from 'vitest';
import { createRandom, mulberry32 } from './random';

const draws = (seed: number, n: number) => Array.from({ length: n }, mulberry32(seed));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

describe('mulberry32', () => {
  it.each([0, 1, 42, 2 ** 32 - 1])('seed %i repeats itself and stays in [0, 1)', (seed) => {
    const xs = draws(seed, 1000);
    expect(xs).toEqual(draws(seed, 1000));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('differs between seeds', () => {
    expect(draws(1, 10)).not.toEqual(draws(2, 10));
  });
});

describe('createRandom', () => {
  const n = 20_000;

  it('normal() has mean ~0 and sd ~1', () => {
    const r = createRandom(7);
    const xs = Array.from({ length: n }, () => r.normal());
    expect(Math.abs(mean(xs))).toBeLessThan(0.03);
    expect(Math.abs(sd(xs) - 1)).toBeLessThan(0.03);
  });

  it.each([
    { mu: 0, sdWant: 0 },
    { mu: 4, sdWant: 2 },
    { mu: 100, sdWant: 10 },
    { mu: 2500, sdWant: 50 },
  ])('count($mu) is an integer >= 0 with mean ~$mu and Poisson spread', ({ mu, sdWant }) => {
    const r = createRandom(9);
    const xs = Array.from({ length: n }, () => r.count(mu));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(Math.abs(mean(xs) - mu)).toBeLessThan(0.05 * mu + 0.1);
    expect(Math.abs(sd(xs) - sdWant)).toBeLessThan(0.1 * sdWant + 0.1);
  });

  it.each([
    { trials: 0, p: 0.5 },
    { trials: 10, p: 0 },
    { trials: 10, p: 1 },
    { trials: 10, p: 1.5 },
    { trials: 1000, p: 0.001 },
    { trials: 1000, p: 0.2 },
  ])('binomial($trials, $p) stays an integer in [0, n] around n*p', ({ trials, p }) => {
    const r = createRandom(11);
    const xs = Array.from({ length: 2000 }, () => r.binomial(trials, p));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= trials)).toBe(true);
    expect(Math.abs(mean(xs) - trials * Math.min(p, 1))).toBeLessThan(0.05 * trials * p + 0.1);
  });
});
