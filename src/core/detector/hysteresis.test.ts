import { describe, expect, it } from 'vitest';
import type { Level } from './alert';
import { QUIET, stepTrack, type Track } from './hysteresis';

const LEVEL: Record<string, Level> = { f: 'fire', h: 'hold', c: 'clear' };
const PHASE = { quiet: 'q', pending: 'p', active: 'A', recovering: 'r' } as const;

/** Plays levels ("ffcc", one letter per 10 s frame) and spells the phase after each frame. */
function play(levels: string, sustain = { fireAfterMs: 20_000, resolveAfterMs: 60_000 }): string {
  let track: Track = QUIET;
  let out = '';
  [...levels].forEach((letter, i) => {
    track = stepTrack(track, LEVEL[letter]!, i * 10_000, (i + 1) * 10_000, sustain);
    out += PHASE[track.phase];
  });
  return out;
}

describe('stepTrack (fire after 20 s, resolve after 60 s, 10 s frames)', () => {
  it.each([
    { name: 'one frame is not enough to fire', levels: 'f', want: 'p' },
    { name: 'two frames fire', levels: 'ff', want: 'pA' },
    { name: 'a break restarts the wait', levels: 'fcff', want: 'pqpA' },
    { name: 'hold does not start an alert', levels: 'hhhh', want: 'qqqq' },
    { name: 'hold does not keep a pending one either', levels: 'fhff', want: 'pqpA' },
    { name: 'hold keeps a firing one', levels: 'ffhhhhhhhh', want: 'pAAAAAAAAA' },
    { name: 'resolves after 60 s clear', levels: 'ffcccccc', want: 'pArrrrrq' },
    { name: 'a relapse while recovering keeps it firing', levels: 'ffcccfccc', want: 'pArrrArrr' },
    { name: 'a relapse on hold too', levels: 'ffcchccc', want: 'pArrArrr' },
  ])('$name: $levels -> $want', ({ levels, want }) => {
    expect(play(levels)).toBe(want);
  });

  it.each([
    { name: 'fireAfterMs 0 fires on the first frame', levels: 'fc', want: 'Aq' },
    { name: 'resolveAfterMs 0 resolves on the first clear frame', levels: 'fc', want: 'Aq' },
  ])('$name', ({ levels, want }) => {
    expect(play(levels, { fireAfterMs: 0, resolveAfterMs: 0 })).toBe(want);
  });

  it('a flapping server (down 20 s of each minute) fires once and resolves 2 min after the last flap', () => {
    const flaps = 'ffcccc'.repeat(5) + 'c'.repeat(14);
    const phases = play(flaps, { fireAfterMs: 20_000, resolveAfterMs: 120_000 });
    expect(phases.match(/pA/g)).toHaveLength(1);
    // the last down frame is #25; twelve clear frames (120 s) later it resolves
    expect(phases.indexOf('q', 2)).toBe(25 + 12);
  });

  it('counts time from the frames, so a 1 s source waits as long as a 10 s one', () => {
    let track: Track = QUIET;
    const fired: number[] = [];
    for (let t = 1000; t <= 30_000; t += 1000) {
      track = stepTrack(track, 'fire', t - 1000, t, { fireAfterMs: 20_000, resolveAfterMs: 0 });
      if (track.phase === 'active' && fired.length === 0) fired.push(t);
    }
    expect(fired).toEqual([20_000]);
  });

  it('a live source whose reads land a few ms early fires on the frame its sustain is due, not one later', () => {
    // 5 s polls stamped when they ran: 4 ms early here, 3 ms late there
    const stamps = [0, 4_996, 10_003, 14_998, 19_997, 25_001];
    let track: Track = QUIET;
    const phases: string[] = [];
    for (let i = 1; i < stamps.length; i++) {
      const sustain = { fireAfterMs: 20_000, resolveAfterMs: 60_000 };
      track = stepTrack(track, 'fire', stamps[i - 1]!, stamps[i]!, sustain);
      phases.push(PHASE[track.phase]);
    }
    // 19.997 s of skew is the 20 s asked for
    expect(phases.join('')).toBe('pppAA');
    // and 15 s is still not
    expect(phases[2]).toBe('p');
  });
});
