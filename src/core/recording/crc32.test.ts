import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

/** The definition, a bit at a time: slow and plainly right. */
function crc32Bitwise(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('matches the bitwise definition at every length around the eight-byte step', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) % 256);
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 999, 1000]) {
      expect(crc32(bytes.subarray(0, n))).toBe(crc32Bitwise(bytes.subarray(0, n)));
    }
  });
});
