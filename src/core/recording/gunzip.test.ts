import { gzipSync as fflateGzip } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './concat-bytes';
import { gunzip, GunzipError } from './gunzip';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const gzipSync = (s: string | Uint8Array) =>
  fflateGzip(typeof s === 'string' ? new TextEncoder().encode(s) : s);
const lines = Array.from({ length: 2000 }, (_, i) => `{"type":"frame","seq":${i}}\n`).join('');

describe('gunzip of a recording file', () => {
  it('reads one member whole', () => {
    expect(gunzip(gzipSync(lines))).toEqual({ data: expect.any(Uint8Array), cutOff: false });
    expect(text(gunzip(gzipSync(lines)).data)).toBe(lines);
  });

  it('reads every member of files joined with cat', () => {
    const joined = concatBytes([gzipSync('first\n'), gzipSync(lines), gzipSync('last\n')]);
    const { data, cutOff } = gunzip(joined);
    expect(text(data)).toBe('first\n' + lines + 'last\n');
    expect(cutOff).toBe(false);
  });

  it('reads a file joined with itself (both members the same size)', () => {
    const twice = concatBytes([gzipSync(lines), gzipSync(lines)]);
    expect(text(gunzip(twice).data)).toBe(lines + lines);
  });

  it('keeps what comes before a cut, and says it was cut off', () => {
    const whole = gzipSync(lines);
    const { data, cutOff } = gunzip(whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(cutOff).toBe(true);
    expect(data.byteLength).toBeGreaterThan(0);
    expect(lines.startsWith(text(data))).toBe(true);
  });

  it('names damaged data', () => {
    const damaged = gzipSync(lines).slice();
    damaged[10] = 0xff; // the first deflate block's header: an invalid block type
    damaged[11] = 0xff;
    expect(() => gunzip(damaged)).toThrow(GunzipError);
    expect(() => gunzip(damaged)).toThrow('the gzip data is damaged');
  });
});
