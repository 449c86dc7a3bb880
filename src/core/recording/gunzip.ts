/**
 * Gunzips a whole recording file. One member whole is the common case and goes through
 * fflate's one-shot decoder (on Chromium about twice as fast as DecompressionStream or the
 * streaming decoder, which allocate as they go); several members (files joined with cat), a
 * file cut off mid-write, and damage go through the streaming decoder, which keeps every
 * byte it could read.
 */
import { Gunzip, gunzipSync } from 'fflate';
import { concatBytes } from './concat-bytes';
import { crc32 } from './crc32';

export interface Gunzipped {
  data: Uint8Array;
  /** the data ended mid-stream: `data` holds what came before the cut */
  cutOff: boolean;
}

export class GunzipError extends Error {}

/** fflate's error code for data that ends early */
const UNEXPECTED_EOF = 0;
const codeOf = (err: unknown) => (err as { code?: number }).code;

/**
 * Whether the last eight bytes (CRC and size) also end an earlier member, followed by the
 * next one's magic: a file joined with a copy of itself, whose first member passes the
 * checksum test above.
 */
function trailerEndsAnEarlierMember(bytes: Uint8Array): boolean {
  const end = bytes.byteLength - 8;
  const first = bytes[end]!;
  for (
    let i = bytes.indexOf(first, 10);
    i !== -1 && i < end - 10;
    i = bytes.indexOf(first, i + 1)
  ) {
    let same = true;
    for (let k = 1; k < 8 && same; k++) same = bytes[i + k] === bytes[end + k];
    if (same && bytes[i + 8] === 0x1f && bytes[i + 9] === 0x8b) return true;
  }
  return false;
}

export function gunzip(bytes: Uint8Array): Gunzipped {
  // the trailer: the last member's CRC-32 and size. fflate's one-shot decoder reads only the
  // first member, sized by the last one's trailer; when the checksum matches, there was one.
  const trailer =
    bytes.byteLength >= 18
      ? new DataView(bytes.buffer, bytes.byteOffset + bytes.byteLength - 8, 8)
      : undefined;
  try {
    const data = gunzipSync(bytes);
    if (
      trailer !== undefined &&
      data.byteLength % 2 ** 32 === trailer.getUint32(4, true) &&
      crc32(data) === trailer.getUint32(0, true) &&
      !trailerEndsAnEarlierMember(bytes)
    ) {
      return { data, cutOff: false };
    }
  } catch (err) {
    if (codeOf(err) !== UNEXPECTED_EOF) throw new GunzipError('the gzip data is damaged');
  }
  const parts: Uint8Array[] = [];
  let cutOff = false;
  try {
    new Gunzip((part) => parts.push(part)).push(bytes, true);
  } catch (err) {
    if (codeOf(err) !== UNEXPECTED_EOF) throw new GunzipError('the gzip data is damaged');
    cutOff = true;
  }
  const data = concatBytes(parts);
  return { data, cutOff };
}
