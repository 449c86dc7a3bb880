import type { TrafficModel } from './scenario';
import type { Random } from './random';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
// the noise forgets its past over ~10 intervals, so the total wanders instead of flickering
const NOISE_MEMORY = 0.9;

/** The mean total request rate (req/s) at t, before noise. */
export function meanRate(traffic: TrafficModel, t: number): number {
  const d = traffic.diurnal;
  if (!d) return traffic.rps;
  const phase = ((t - d.peakHourUtc * HOUR_MS) / DAY_MS) * 2 * Math.PI;
  return traffic.rps * (1 + d.amplitude * Math.cos(phase));
}

/** One step of the wandering noise on the total: an AR(1) whose spread stays at sd. */
export function nextNoise(previous: number, sd: number, random: Random): number {
  const fresh = Math.sqrt(1 - NOISE_MEMORY * NOISE_MEMORY) * sd * random.normal();
  return NOISE_MEMORY * previous + fresh;
}
