/**
 * Sustain: a condition must hold for a while before its alert fires, and stay away for a while
 * before it resolves. Time is the frames' own (each frame covers (t - intervalMs, t]), never the
 * wall clock, so live, replay and analyze agree to the frame.
 */
import type { Level } from './alert';
import type { Sustain } from './config';

/** quiet -> pending -> active -> recovering -> quiet; `since` is when the phase began. */
export type Track =
  { phase: 'quiet' } | { phase: 'pending' | 'active' | 'recovering'; since: number };

export const QUIET: Track = { phase: 'quiet' };

// a live source stamps each read when it runs, a few ms either side of its schedule: four 5 s
// polls can add up to 19.998 s, and a 20 s sustain must not wait a fifth poll for 2 ms. On a
// source whose frames are exact (the simulator, most recordings) no frame moves.
const SLACK = 0.01;
const lasted = (elapsed: number, needed: number) => elapsed >= needed * (1 - SLACK);

/** Firing: active, or recovering and not yet resolved. */
export const isLive = (t: Track) => t.phase === 'active' || t.phase === 'recovering';

/**
 * One frame covering (from, to]. 'fire' starts or continues pending; 'hold' keeps a live track
 * live but does not start one; 'clear' ends pending at once and a live track after resolveAfterMs.
 */
export function stepTrack(track: Track, level: Level, from: number, to: number, s: Sustain): Track {
  if (track.phase === 'quiet' || track.phase === 'pending') {
    if (level !== 'fire') return QUIET;
    const since = track.phase === 'pending' ? track.since : from;
    return lasted(to - since, s.fireAfterMs)
      ? { phase: 'active', since: to }
      : { phase: 'pending', since };
  }
  if (level !== 'clear') {
    return track.phase === 'active' ? track : { phase: 'active', since: to };
  }
  const since = track.phase === 'recovering' ? track.since : from;
  return lasted(to - since, s.resolveAfterMs) ? QUIET : { phase: 'recovering', since };
}
