import { describe, expect, it } from 'vitest';
import {
  buildLatencyLut,
  infernoRgb,
  latencyLutIndex,
  latencyPosition,
  LUT_SIZE,
  rgbCss,
} from './colour-scale';

describe('latencyPosition (log scale, 10 ms .. 10 s)', () => {
  it.each([
    { ms: 10, want: 0 },
    { ms: 100, want: 1 / 3 },
    { ms: 1000, want: 2 / 3 },
    { ms: 10_000, want: 1 },
    { ms: Math.sqrt(10 * 100), want: 1 / 6 },
    { ms: 5, want: 0 },
    { ms: 0, want: 0 },
    { ms: -1, want: 0 },
    { ms: 60_000, want: 1 },
    { ms: Infinity, want: 1 },
  ])('$ms ms -> $want', ({ ms, want }) => {
    expect(latencyPosition(ms)).toBeCloseTo(want, 9);
  });

  it('puts 20 ms and 200 ms as far apart as 1 s and 10 s', () => {
    const gap = (a: number, b: number) => latencyPosition(b) - latencyPosition(a);
    expect(gap(20, 200)).toBeCloseTo(gap(1000, 10_000), 9);
  });
});

describe('latencyLutIndex', () => {
  it.each([
    { ms: 10, want: 0 },
    { ms: 100, want: 85 },
    { ms: 1000, want: 170 },
    { ms: 10_000, want: 255 },
    { ms: 1, want: 0 },
    { ms: 120_000, want: 255 },
  ])('$ms ms -> $want', ({ ms, want }) => {
    expect(latencyLutIndex(ms)).toBe(want);
  });
});

describe('infernoRgb', () => {
  it.each([
    { position: 0, want: [0, 0, 4] },
    { position: 1, want: [252, 255, 164] },
    { position: 0.5, want: [186, 54, 85] },
    { position: 1 / 16, want: [16, 6, 38] },
    { position: -0.5, want: [0, 0, 4] },
    { position: 2, want: [252, 255, 164] },
  ])('$position -> $want', ({ position, want }) => {
    expect(infernoRgb(position)).toEqual(want);
  });

  it('formats as CSS', () => {
    expect(rgbCss([186, 54, 85])).toBe('rgb(186, 54, 85)');
  });
});

/** WCAG relative luminance of an sRGB colour. */
function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe('buildLatencyLut', () => {
  const lut = buildLatencyLut();
  const rgba = (word: number) => [
    word & 0xff,
    (word >>> 8) & 0xff,
    (word >>> 16) & 0xff,
    word >>> 24,
  ];

  it('has LUT_SIZE opaque RGBA words, red in the low byte', () => {
    expect(lut).toHaveLength(LUT_SIZE);
    lut.forEach((word, i) => {
      expect(rgba(word)).toEqual([...infernoRgb(i / (LUT_SIZE - 1)), 255]);
    });
  });

  it('lays out as R, G, B, A bytes for ImageData on a little-endian machine', () => {
    const bytes = new Uint8Array(lut.buffer);
    expect(Array.from(bytes.slice(0, 4))).toEqual([0, 0, 4, 255]);
    expect(Array.from(bytes.slice(-4))).toEqual([252, 255, 164, 255]);
  });

  it('gets brighter with every step, so slower is always brighter', () => {
    const lum = Array.from(lut, (word) => {
      const [r, g, b] = rgba(word);
      return luminance(r!, g!, b!);
    });
    const darker = lum.flatMap((l, i) => (i > 0 && l <= lum[i - 1]! ? [i] : []));
    expect(darker).toEqual([]);
    expect(lum[0]).toBeLessThan(0.01);
    expect(lum[LUT_SIZE - 1]).toBeGreaterThan(0.9);
  });
});
