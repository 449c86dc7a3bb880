import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('matches zlib at every length around the eight-byte step', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) % 256);
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 999, 1000]) {
      expect(crc32(bytes.subarray(0, n))).toBe(nodeCrc32(bytes.subarray(0, n)));
    }
  });
});
