/**
 * Latency to colour: the "inferno" colormap (perceptually uniform, readable with every common
 * colour-vision deficiency and in greyscale) over a log scale, so 20 ms and 200 ms are as far
 * apart as 1 s and 10 s. Slow is bright, so the hot cells pop on a dark wall display.
 */

// inferno at 0, 1/8, ..., 1 (matplotlib's table, sampled)
const INFERNO_STOPS: readonly [number, number, number][] = [
  [0, 0, 4],
  [31, 12, 72],
  [85, 15, 109],
  [136, 34, 106],
  [186, 54, 85],
  [227, 89, 51],
  [249, 140, 10],
  [249, 201, 50],
  [252, 255, 164],
];

/** The latency range the colours span, ms. */
export interface LatencyScale {
  minMs: number;
  maxMs: number;
}

export const LATENCY_SCALE: LatencyScale = { minMs: 10, maxMs: 10_000 };

/** Position 0..1 of a latency on the log scale, clamped. */
const DEFAULT_LOG_RANGE = [Math.log10(LATENCY_SCALE.minMs), Math.log10(LATENCY_SCALE.maxMs)];

export function latencyPosition(ms: number, scale: LatencyScale = LATENCY_SCALE): number {
  // the default scale's logs are worked out once: this runs for every cell coloured
  const [lo, hi] =
    scale === LATENCY_SCALE
      ? (DEFAULT_LOG_RANGE as [number, number])
      : [Math.log10(scale.minMs), Math.log10(scale.maxMs)];
  const x = (Math.log10(Math.max(ms, 1e-9)) - lo) / (hi - lo);
  return Math.min(1, Math.max(0, x));
}

/** [r, g, b] of the colormap at position 0..1. */
export function infernoRgb(position: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, position)) * (INFERNO_STOPS.length - 1);
  const i = Math.min(INFERNO_STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = INFERNO_STOPS[i]!;
  const b = INFERNO_STOPS[i + 1]!;
  return [0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * f)) as [number, number, number];
}

export function rgbCss([r, g, b]: readonly number[]): string {
  return `rgb(${r}, ${g}, ${b})`;
}

export const LUT_SIZE = 256;

/**
 * The colormap as little-endian RGBA words for an ImageData's Uint32 view, so painting a cell
 * is one table look-up and one store.
 */
export function buildLatencyLut(): Uint32Array {
  const lut = new Uint32Array(LUT_SIZE);
  for (let i = 0; i < LUT_SIZE; i++) {
    const [r, g, b] = infernoRgb(i / (LUT_SIZE - 1));
    lut[i] = (255 << 24) | (b << 16) | (g << 8) | r;
  }
  return lut;
}

/** LUT index of a latency. */
export function latencyLutIndex(ms: number): number {
  return Math.round(latencyPosition(ms) * (LUT_SIZE - 1));
}
