import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseRecording } from '../src/core/recording/recording';
import { SAMPLE_PATH, sampleRecording } from './sample-recording';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the shipped sample recording', () => {
  const shipped = gunzipSync(readFileSync(join(root, SAMPLE_PATH))).toString('utf8');

  it('is what the simulator plays today (run `npm run sample` after changing the scenario)', () => {
    expect(shipped === sampleRecording()).toBe(true);
  });

  it('loads whole: a hello, the incident 09:30-12:30 UTC-4 in 10 s frames, its timeline', () => {
    const { payloads, warning } = parseRecording(shipped);
    expect(warning).toBeUndefined();
    expect(payloads[0]!.type).toBe('hello');
    const frames = payloads.flatMap((p) => (p.type === 'frame' ? [p.payload] : []));
    expect(frames).toHaveLength(1080);
    expect(frames[0]!.t).toBe(Date.parse('2024-05-15T09:30:10-04:00'));
    expect(frames.at(-1)!.t).toBe(Date.parse('2024-05-15T12:30:00-04:00'));
    const titles = payloads.flatMap((p) => (p.type === 'annotation' ? [p.payload.t] : []));
    expect(titles).toContain(Date.parse('2024-05-15T10:00:00-04:00'));
    expect(titles).toContain(Date.parse('2024-05-15T12:00:00-04:00'));
  });
});
